using System.Globalization;
using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// The members Query and Scan share: table and index, Select, Limit, ConsistentRead, ExclusiveStartKey,
/// projection, filter and ReturnConsumedCapacity, checked in DynamoDB's order.
/// </summary>
internal sealed class ReadRequest
{
    public required string TableName { get; init; }

    public string? IndexName { get; init; }

    public string? Select { get; init; }

    public int? Limit { get; init; }

    public bool ConsistentRead { get; init; }

    public Dictionary<string, AttributeValue>? ExclusiveStartKey { get; init; }

    public required ReturnOptions Options { get; init; }

    public required ExpressionContext Context { get; init; }

    public ProjectionExpression? Projection { get; set; }

    public ConditionExpression? Filter { get; set; }

    public bool IsCount => Select == "COUNT";

    /// <summary>Reads the shared members; <paramref name="extraErrors"/> adds operation-specific constraint checks.</summary>
    public static ReadRequest Read(JsonElement body, string filterMember, string legacyFilterMember, bool usesOtherExpression, Action<ValidationErrors>? extraErrors = null)
    {
        var errors = new ValidationErrors();
        var tableName = JsonFields.GetString(body, "TableName");
        errors.CheckName(TableNames.FromArn(tableName), "tableName");
        var indexName = JsonFields.GetString(body, "IndexName");
        errors.CheckName(indexName, "indexName", required: false);
        var select = JsonFields.GetString(body, "Select");
        errors.CheckEnum(select, "select", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");
        var limit = JsonFields.GetInt64(body, "Limit");
        if (limit is < 1)
        {
            errors.Add(limit.Value.ToString(CultureInfo.InvariantCulture), "limit", "Member must have value greater than or equal to 1");
        }

        var options = ReturnOptions.Read(body, errors);
        extraErrors?.Invoke(errors);
        errors.ThrowIfAny();

        RequestExpressions.RejectMixed(body, ["AttributesToGet", legacyFilterMember, "ConditionalOperator"], ["ProjectionExpression", filterMember, "KeyConditionExpression"]);
        var hasProjection = JsonFields.TryGet(body, "ProjectionExpression", out _) || JsonFields.TryGet(body, "AttributesToGet", out _);
        if (select is "COUNT" or "ALL_ATTRIBUTES" or "ALL_PROJECTED_ATTRIBUTES" && hasProjection)
        {
            var member = JsonFields.TryGet(body, "ProjectionExpression", out _) ? "ProjectionExpression" : "AttributesToGet";
            throw DynamoDbErrors.Validation($"Cannot specify the {member} when choosing to get {select}");
        }

        if (select == "SPECIFIC_ATTRIBUTES" && !hasProjection)
        {
            throw DynamoDbErrors.Validation("Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        }

        if (select == "ALL_PROJECTED_ATTRIBUTES" && indexName is null)
        {
            throw DynamoDbErrors.Validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }

        var usesExpressions = usesOtherExpression || JsonFields.TryGet(body, "ProjectionExpression", out _) || JsonFields.TryGet(body, filterMember, out _);
        var context = RequestExpressions.ReadContext(body, usesExpressions);
        var request = new ReadRequest
        {
            TableName = TableNames.FromArn(tableName)!,
            IndexName = indexName,
            Select = select,
            Limit = limit is null ? null : (int)Math.Min(limit.Value, int.MaxValue),
            ConsistentRead = JsonFields.GetBoolean(body, "ConsistentRead") ?? false,
            ExclusiveStartKey = RequestExpressions.ReadItem(body, "ExclusiveStartKey"),
            Options = options,
            Context = context,
        };
        return request;
    }

    /// <summary>Parses the projection and filter after the operation's own expressions (key condition) were parsed.</summary>
    public void ParseProjectionAndFilter(JsonElement body, string filterMember, string legacyFilterMember)
    {
        Projection = Projections.Read(body, Context);
        var filterText = JsonFields.GetString(body, filterMember);
        Filter = filterText is not null
            ? ConditionExpression.Parse(filterText, ExpressionKind.Filter, Context)
            : LegacyFilters.Read(body, legacyFilterMember);
    }

    /// <summary>Checks the source-dependent rules: consistent reads and ALL_ATTRIBUTES on global indexes.</summary>
    public void CheckSource(ReadSource source)
    {
        if (source.Index is { IsGlobal: true } index)
        {
            if (ConsistentRead)
            {
                throw DynamoDbErrors.Validation("Consistent reads are not supported on global secondary indexes");
            }

            if (Select == "ALL_ATTRIBUTES" && index.Projection.ProjectionType != "ALL")
            {
                throw DynamoDbErrors.InvalidParameter($"Select type ALL_ATTRIBUTES is not supported for global secondary index {index.Name} because its projection type is not ALL");
            }
        }
    }
}
