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
    public static ReturnOptions Read(JsonElement body, ValidationErrors errors)
    {
        var returnValues = JsonFields.GetString(body, "ReturnValues");
        errors.CheckEnum(returnValues, "returnValues", "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
        var capacity = JsonFields.GetString(body, "ReturnConsumedCapacity");
        errors.CheckEnum(capacity, "returnConsumedCapacity", "INDEXES", "TOTAL", "NONE");
        var metrics = JsonFields.GetString(body, "ReturnItemCollectionMetrics");
        errors.CheckEnum(metrics, "returnItemCollectionMetrics", "SIZE", "NONE");
        var onFailure = JsonFields.GetString(body, "ReturnValuesOnConditionCheckFailure");
        errors.CheckEnum(onFailure, "returnValuesOnConditionCheckFailure", "ALL_OLD", "NONE");
        return new ReturnOptions(returnValues ?? "NONE", capacity ?? "NONE", metrics == "SIZE", onFailure == "ALL_OLD");
    }

    /// <summary>Rejects ReturnValues other than NONE and ALL_OLD (PutItem, DeleteItem).</summary>
    public void RequireNoneOrAllOld()
    {
        if (ReturnValues is not ("NONE" or "ALL_OLD"))
        {
            throw DynamoDbErrors.Validation("One or more parameter values were invalid: Return values set to invalid value");
        }
    }
}
