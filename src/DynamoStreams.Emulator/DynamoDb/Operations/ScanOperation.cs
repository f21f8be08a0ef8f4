using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Operations.Items;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>
/// Implements Scan of a table or index: FilterExpression (or ScanFilter), projection, Select incl. COUNT,
/// Limit, ExclusiveStartKey/LastEvaluatedKey, 1 MB pages and parallel Segment/TotalSegments.
/// </summary>
internal sealed class ScanOperation : DynamoDbOperation
{
    private static readonly string[] s_legacyParameters = ["AttributesToGet", "ScanFilter", "ConditionalOperator"];
    private static readonly string[] s_expressionParameters = ["ProjectionExpression", "FilterExpression"];

    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public ScanOperation(DynamoDbContext context)
        : base("Scan", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var body = request.Body;

        // The phases of ReadRequest, in DynamoDB's order (observed: dynalite suite scan.js 'validations').
        // 1. Member constraints.
        var options = CheckConstraints(body);

        // 2. Parameter combinations.
        var read = ReadRequest.Read(body, s_legacyParameters, s_expressionParameters, options);

        // 3. Attribute values: AttributesToGet, ScanFilter, ExclusiveStartKey; then the segments.
        read.ReadAttributesToGet(body);
        read.ReadLegacyFilter(body, "ScanFilter");
        read.ReadStartKey(body);
        var segment = JsonFields.GetInt64(body, "Segment");
        var totalSegments = JsonFields.GetInt64(body, "TotalSegments");
        CheckSegments(segment, totalSegments);

        // 4. Expressions.
        read.ReadPlaceholders(body);
        read.ParseFilterAndProjection(body);
        read.Context.ValidateAllUsed();

        // 5. The table, the index and the key schema.
        var table = Context.GetTable(request.Region, read.TableName);
        var source = read.OpenSource(table);
        CheckAgainstSource(read, source);
        var startKey = read.ExclusiveStartKey;
        var total = (int)(totalSegments ?? 1);
        var index = (int)(segment ?? 0);
        var fromHash = ScanHash.SegmentStart(index, total);
        var toHash = ScanHash.SegmentStart(index + 1, total);
        (Partition Probe, Storage.SortKey Sort)? start = null;
        if (startKey is not null)
        {
            var (hash, sort) = source.PositionOf(startKey);
            var scanHash = ScanHash.Compute(hash);
            if (scanHash < fromHash || scanHash >= toHash)
            {
                throw DynamoDbErrors.Validation($"{StartKeys.InvalidMessage}: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: {total} Segment: {index}");
            }

            start = (new Partition(hash, scanHash, 0), sort);
        }

        // After the segment check (observed: dynalite suite scan.js "ExclusiveStartKey is from different segment").
        read.CheckKeysAreScalar(source);
        var page = new PageCollector(read.Limit, read.Filter);
        lock (table.SyncRoot)
        {
            WriteConditions.EnsureLive(table);
            var first = true;
            foreach (var partition in source.Items.ScanPartitions(start?.Probe, fromHash, toHash))
            {
                var values = partition.Items.Values;
                var i = 0;
                if (first && start is not null && partition.HashValue!.Equals(start.Value.Probe.HashValue))
                {
                    i = PartitionRange.After(partition.Items.Keys, start.Value.Sort);
                }

                first = false;
                var more = true;
                for (; i < values.Count && (more = page.Add(values[i])); i++)
                {
                }

                if (!more)
                {
                    break;
                }
            }
        }

        ReadResponse.Write(response, read, source, page);
    }

    /// <summary>
    /// Phase 5: checks the start key against the key schema of the table or index, and Select against the index. A
    /// table scan reports every start key fault with the "starting key is invalid" prefix; an index scan only the
    /// faults in the table's own key attributes, and those after Select (observed: dynalite suite scan.js
    /// "ExclusiveStartKey does not match schema", "specifying ALL_ATTRIBUTES when global index does not have ALL").
    /// </summary>
    private static void CheckAgainstSource(ReadRequest read, ReadSource source)
    {
        var startKey = read.ExclusiveStartKey;
        if (startKey is not null)
        {
            var prefixed = source.Index is null;
            StartKeys.CheckCount(startKey, source, prefixed);
            StartKeys.CheckAttribute(startKey, source.Schema.HashKey, prefixed);
            if (source.Schema.RangeKey is not null)
            {
                StartKeys.CheckAttribute(startKey, source.Schema.RangeKey, prefixed);
            }
        }

        read.CheckSelectOnIndex(source);
        if (startKey is not null)
        {
            StartKeys.CheckTableKey(startKey, source);
        }
    }

    /// <summary>Checks the members' constraints, listed in the order DynamoDB's message lists them (its cap of ten keeps the first).</summary>
    private static ReturnOptions CheckConstraints(JsonElement body)
    {
        var errors = new ValidationErrors();
        ReadRequest.CheckSelect(body, errors);
        errors.CheckName(JsonFields.GetString(body, "IndexName"), "indexName", required: false);
        errors.CheckRange(JsonFields.GetInt64(body, "TotalSegments"), "totalSegments", 1, 1000000);
        var options = ReturnOptions.Read(body, errors);
        errors.CheckName(Tables.TableNames.FromArn(JsonFields.GetString(body, "TableName")), "tableName");
        errors.CheckConditionalOperator(body);
        errors.CheckComparisonOperators(body, "ScanFilter", "scanFilter");
        errors.CheckRange(JsonFields.GetInt64(body, "Segment"), "segment", 0, 999999);
        errors.CheckRange(JsonFields.GetInt64(body, "Limit"), "limit", 1);
        errors.CheckNotEmptyList(body, "AttributesToGet", "attributesToGet");
        errors.ThrowIfAny();
        return options;
    }

    private static void CheckSegments(long? segment, long? totalSegments)
    {
        if (segment is not null && totalSegments is null)
        {
            throw DynamoDbErrors.Validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        }

        if (totalSegments is not null && segment is null)
        {
            throw DynamoDbErrors.Validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        }

        if (segment >= totalSegments)
        {
            throw DynamoDbErrors.Validation($"The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: {segment} is not less than TotalSegments: {totalSegments}");
        }
    }
}
