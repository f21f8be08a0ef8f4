using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Expressions.Legacy;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// The members Query and Scan share, read in DynamoDB's phases. Both operations check their input in this order
/// (observed: dynalite suite query.js and scan.js 'validations', written against DynamoDB), each phase reporting
/// its first fault before the next phase runs:
/// <list type="number">
/// <item>member constraints, all reported in one "N validation errors detected" message (the operation's own list);</item>
/// <item>parameter combinations (<see cref="Read"/>): expression next to non-expression parameters, Select next
/// to a projection, ExpressionAttributeNames or ExpressionAttributeValues without an expression to use them;</item>
/// <item>attribute values, one parameter after another (<see cref="ReadLegacyFilter"/>, <see cref="ReadAttributesToGet"/>,
/// <see cref="ReadStartKey"/>, then Query's KeyConditions or Scan's segments);</item>
/// <item>expressions (<see cref="ReadPlaceholders"/>, Query's KeyConditionExpression, <see cref="ParseFilterAndProjection"/>):
/// the placeholder maps, each expression's syntax, unused placeholders, then the key condition's shape;</item>
/// <item>the table, the index and their key schemas (<see cref="OpenSource"/>, the start key, <see cref="CheckSelectOnIndex"/>,
/// <see cref="CheckKeysAreScalar"/>).</item>
/// </list>
/// </summary>
internal sealed class ReadRequest
{
    private static readonly string[] s_selectValues = ["SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES"];

    private ReadRequest(string tableName, string? indexName, string? select, int? limit, bool consistentRead, ReturnOptions options)
    {
        TableName = tableName;
        IndexName = indexName;
        Select = select;
        Limit = limit;
        ConsistentRead = consistentRead;
        Options = options;
    }

    public string TableName { get; }

    public string? IndexName { get; }

    public string? Select { get; }

    public int? Limit { get; }

    public bool ConsistentRead { get; }

    public ReturnOptions Options { get; }

    public Dictionary<string, AttributeValue>? ExclusiveStartKey { get; private set; }

    public ExpressionContext Context { get; private set; } = ExpressionContext.Empty;

    public ProjectionExpression? Projection { get; private set; }

    public ConditionExpression? Filter { get; private set; }

    /// <summary>Gets the name DynamoDB gives the filter in its messages: the legacy member or "Filter Expression".</summary>
    public string FilterName { get; private set; } = "Filter Expression";

    public bool IsCount => Select == "COUNT";

    /// <summary>Phase 1: checks the Select enum (each operation calls the shared constraint checks in its own order).</summary>
    public static void CheckSelect(JsonElement body, ValidationErrors errors) =>
        errors.CheckEnum(JsonFields.GetString(body, "Select"), "select", s_selectValues);

    /// <summary>Phase 2: reads the shared members (their constraints already checked) and checks the parameter combinations.</summary>
    /// <param name="body">The request.</param>
    /// <param name="legacyParameters">The operation's non-expression parameters, in DynamoDB's order.</param>
    /// <param name="expressionParameters">The operation's expression parameters, in DynamoDB's order.</param>
    /// <param name="options">The Return* options read with the constraints.</param>
    public static ReadRequest Read(JsonElement body, string[] legacyParameters, string[] expressionParameters, ReturnOptions options)
    {
        ExpressionParameterRules.Validate(expressionParameters, legacyParameters, body, static (request, name) => JsonFields.TryGet(request, name, out _));
        var select = JsonFields.GetString(body, "Select");
        var indexName = JsonFields.GetString(body, "IndexName");
        CheckSelectCombination(body, select, indexName);
        var limit = JsonFields.GetInt64(body, "Limit");
        return new ReadRequest(
            TableNames.FromArn(JsonFields.GetString(body, "TableName"))!,
            indexName,
            select,
            limit is null ? null : (int)Math.Min(limit.Value, int.MaxValue),
            JsonFields.GetBoolean(body, "ConsistentRead") ?? false,
            options);
    }

    /// <summary>Phase 3: reads the legacy QueryFilter or ScanFilter (values, argument counts, operand types).</summary>
    public void ReadLegacyFilter(JsonElement body, string member)
    {
        if (LegacyFilters.Read(body, member) is { } filter)
        {
            Filter = filter;
            FilterName = member;
        }
    }

    /// <summary>Phase 3: reads AttributesToGet, rejecting a repeated name.</summary>
    public void ReadAttributesToGet(JsonElement body)
    {
        if (JsonFields.GetStringList(body, "AttributesToGet") is { } attributes)
        {
            Projection = ProjectionExpression.FromAttributesToGet(attributes);
        }
    }

    /// <summary>Phase 3: reads the ExclusiveStartKey's values.</summary>
    public void ReadStartKey(JsonElement body) => ExclusiveStartKey = StartKeys.Read(body);

    /// <summary>Phase 4: reads ExpressionAttributeNames and ExpressionAttributeValues (their presence was checked in phase 2).</summary>
    public void ReadPlaceholders(JsonElement body) => Context = RequestExpressions.ReadContext(body, usesExpressions: true);

    /// <summary>Phase 4: parses FilterExpression, then ProjectionExpression.</summary>
    public void ParseFilterAndProjection(JsonElement body)
    {
        if (JsonFields.GetString(body, "FilterExpression") is { } filterText)
        {
            Filter = ConditionExpression.Parse(filterText, ExpressionKind.Filter, Context);
        }

        if (JsonFields.GetString(body, "ProjectionExpression") is { } projectionText)
        {
            Projection = ProjectionExpression.Parse(projectionText, Context);
        }
    }

    /// <summary>Phase 5: opens the table or index and rejects consistent reads of a global index.</summary>
    public ReadSource OpenSource(StoredTable table)
    {
        var source = ReadSource.Open(table, IndexName);
        if (ConsistentRead && source.Index is { IsGlobal: true })
        {
            throw DynamoDbErrors.Validation("Consistent reads are not supported on global secondary indexes");
        }

        return source;
    }

    /// <summary>Phase 5: rejects ALL_ATTRIBUTES on a global index that does not project all attributes.</summary>
    public void CheckSelectOnIndex(ReadSource source)
    {
        if (Select == "ALL_ATTRIBUTES" && source.Index is { IsGlobal: true } index && index.Projection.ProjectionType != "ALL")
        {
            throw DynamoDbErrors.InvalidParameter($"Select type ALL_ATTRIBUTES is not supported for global secondary index {index.Name} because its projection type is not ALL");
        }
    }

    /// <summary>Phase 5: rejects a filter or projection that reaches into a key attribute with '.' or '[]'.</summary>
    public void CheckKeysAreScalar(ReadSource source) => ScalarKeys.Check(source.Definition, Filter, Projection);

    private static void CheckSelectCombination(JsonElement body, string? select, string? indexName)
    {
        var hasProjectionExpression = JsonFields.TryGet(body, "ProjectionExpression", out _);
        var hasProjection = hasProjectionExpression || JsonFields.TryGet(body, "AttributesToGet", out _);
        if (select is "COUNT" or "ALL_ATTRIBUTES" or "ALL_PROJECTED_ATTRIBUTES" && hasProjection)
        {
            throw DynamoDbErrors.Validation($"Cannot specify the {(hasProjectionExpression ? "ProjectionExpression" : "AttributesToGet")} when choosing to get {select}");
        }

        if (select == "SPECIFIC_ATTRIBUTES" && !hasProjection)
        {
            throw DynamoDbErrors.Validation("Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        }

        if (select == "ALL_PROJECTED_ATTRIBUTES" && indexName is null)
        {
            throw DynamoDbErrors.Validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
    }
}
