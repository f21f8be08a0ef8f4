using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// Reads the <c>Return*</c> members of a write or read: ReturnValues, ReturnConsumedCapacity,
/// ReturnItemCollectionMetrics and ReturnValuesOnConditionCheckFailure.
/// </summary>
internal sealed record ReturnOptions(string ReturnValues, string ConsumedCapacity, bool ItemCollectionMetrics, bool OldItemOnConditionFailure)
{
    private static readonly string[] s_returnValues = ["NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"];
    private static readonly string[] s_consumedCapacity = ["INDEXES", "TOTAL", "NONE"];
    private static readonly string[] s_itemCollectionMetrics = ["SIZE", "NONE"];
    private static readonly string[] s_onConditionFailure = ["ALL_OLD", "NONE"];

    // Most requests set none of these members: they share one instance.
    private static readonly ReturnOptions s_none = new("NONE", "NONE", false, false);

    public static ReturnOptions Read(JsonElement body, ValidationErrors errors)
    {
        var returnValues = JsonFields.GetString(body, "ReturnValues");
        errors.CheckEnum(returnValues, "returnValues", s_returnValues);
        var capacity = JsonFields.GetString(body, "ReturnConsumedCapacity");
        errors.CheckEnum(capacity, "returnConsumedCapacity", s_consumedCapacity);
        var metrics = JsonFields.GetString(body, "ReturnItemCollectionMetrics");
        errors.CheckEnum(metrics, "returnItemCollectionMetrics", s_itemCollectionMetrics);
        var onFailure = JsonFields.GetString(body, "ReturnValuesOnConditionCheckFailure");
        errors.CheckEnum(onFailure, "returnValuesOnConditionCheckFailure", s_onConditionFailure);
        if (returnValues is null && capacity is null && metrics is null && onFailure is null)
        {
            return s_none;
        }

        return new ReturnOptions(returnValues ?? "NONE", capacity ?? "NONE", metrics == "SIZE", onFailure == "ALL_OLD");
    }

    /// <summary>Rejects ReturnValues other than NONE and ALL_OLD (PutItem, DeleteItem).</summary>
    /// <remarks>
    /// The text is the service's as public reports quote it (AWS 2015, github.com/taoensso/faraday issue 64; DynamoDB
    /// Local 2025, github.com/boto/boto3 issue 4499); dynalite's suite still expects the 2013 text.
    /// </remarks>
    public void RequireNoneOrAllOld()
    {
        if (ReturnValues is not ("NONE" or "ALL_OLD"))
        {
            throw DynamoDbErrors.Validation("Return values set to invalid value");
        }
    }
}
