using System.Globalization;
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
        var segment = JsonFields.GetInt64(body, "Segment");
        var totalSegments = JsonFields.GetInt64(body, "TotalSegments");
        var read = ReadRequest.Read(body, "FilterExpression", "ScanFilter", usesOtherExpression: false, errors =>
        {
            if (segment is < 0)
            {
                errors.Add(segment.Value.ToString(CultureInfo.InvariantCulture), "segment", "Member must have value greater than or equal to 0");
            }
            else if (segment is > 999999)
            {
                errors.Add(segment.Value.ToString(CultureInfo.InvariantCulture), "segment", "Member must have value less than or equal to 999999");
            }

            if (totalSegments is < 1)
            {
                errors.Add(totalSegments.Value.ToString(CultureInfo.InvariantCulture), "totalSegments", "Member must have value greater than or equal to 1");
            }
            else if (totalSegments is > 1000000)
            {
                errors.Add(totalSegments.Value.ToString(CultureInfo.InvariantCulture), "totalSegments", "Member must have value less than or equal to 1000000");
            }
        });
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

        read.ParseProjectionAndFilter(body, "FilterExpression", "ScanFilter");
        read.Context.ValidateAllUsed();
        var table = Context.GetTable(request.Region, read.TableName);
        var source = ReadSource.Open(table, read.IndexName);
        read.CheckSource(source);
        var total = (int)(totalSegments ?? 1);
        var index = (int)(segment ?? 0);
        var fromHash = ScanHash.SegmentStart(index, total);
        var toHash = ScanHash.SegmentStart(index + 1, total);
        (Partition Probe, Storage.SortKey Sort)? start = null;
        if (read.ExclusiveStartKey is not null)
        {
            StartKeys.Check(read.ExclusiveStartKey, source);
            var (hash, sort) = source.PositionOf(read.ExclusiveStartKey);
            var scanHash = ScanHash.Compute(hash);
            if (scanHash < fromHash || scanHash >= toHash)
            {
                throw DynamoDbErrors.Validation("The provided Exclusive start key does not map to the provided Segment and TotalSegments values.");
            }

            start = (new Partition(hash, scanHash, 0), sort);
        }

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
}
