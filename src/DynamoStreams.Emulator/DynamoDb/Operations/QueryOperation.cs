using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Operations.Items;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>
/// Implements Query: KeyConditionExpression (or KeyConditions), FilterExpression, projection, Select incl.
/// COUNT, ScanIndexForward, Limit, ExclusiveStartKey/LastEvaluatedKey, 1 MB pages, IndexName, ConsistentRead.
/// </summary>
internal sealed class QueryOperation : DynamoDbOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public QueryOperation(DynamoDbContext context)
        : base("Query", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var body = request.Body;
        var keyConditionText = JsonFields.GetString(body, "KeyConditionExpression");
        var read = ReadRequest.Read(body, "FilterExpression", "QueryFilter", usesOtherExpression: keyConditionText is not null);
        if (keyConditionText is null && !JsonFields.TryGet(body, "KeyConditions", out _))
        {
            throw DynamoDbErrors.Validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }

        var forward = JsonFields.GetBoolean(body, "ScanIndexForward") ?? true;
        var table = Context.GetTable(request.Region, read.TableName);
        var source = ReadSource.Open(table, read.IndexName);
        var condition = keyConditionText is not null
            ? KeyCondition.Parse(keyConditionText, read.Context, source.PartitionKey, source.SortKeyAttribute)
            : LegacyFilters.ReadKeyConditions(body, source.PartitionKey, source.SortKeyAttribute);
        read.ParseProjectionAndFilter(body, "FilterExpression", "QueryFilter");
        read.Context.ValidateAllUsed();
        read.CheckSource(source);
        CheckFilterAvoidsKeys(read.Filter, source);
        if (read.ExclusiveStartKey is not null)
        {
            StartKeys.Check(read.ExclusiveStartKey, source);
            if (!read.ExclusiveStartKey[source.Schema.HashKey.Name].Equals(condition.PartitionKeyValue))
            {
                throw DynamoDbErrors.Validation("The provided starting key is outside query boundaries based on provided conditions");
            }
        }

        var page = new PageCollector(read.Limit, read.Filter);
        lock (table.SyncRoot)
        {
            WriteConditions.EnsureLive(table);
            var partition = source.Items.FindPartition(condition.PartitionKeyValue);
            if (partition is not null)
            {
                var keys = partition.Items.Keys;
                var values = partition.Items.Values;
                var (start, end) = PartitionRange.Find(keys, condition);
                if (read.ExclusiveStartKey is not null)
                {
                    var position = source.PositionOf(read.ExclusiveStartKey).Sort;
                    if (forward)
                    {
                        start = Math.Max(start, PartitionRange.After(keys, position));
                    }
                    else
                    {
                        end = Math.Min(end, PartitionRange.AtOrAfter(keys, position));
                    }
                }

                if (forward)
                {
                    for (var i = start; i < end && page.Add(values[i]); i++)
                    {
                    }
                }
                else
                {
                    for (var i = end - 1; i >= start && page.Add(values[i]); i--)
                    {
                    }
                }
            }
        }

        ReadResponse.Write(response, read, source, page);
    }

    private static void CheckFilterAvoidsKeys(ConditionExpression? filter, ReadSource source)
    {
        if (filter is null)
        {
            return;
        }

        var referenced = filter.ReferencedAttributes();
        foreach (var key in source.Schema.RangeKey is null ? [source.Schema.HashKey] : new[] { source.Schema.HashKey, source.Schema.RangeKey })
        {
            if (referenced.Contains(key.Name))
            {
                throw DynamoDbErrors.Validation("Filter Expression can only contain non-primary key attributes: Primary key attribute: " + key.Name);
            }
        }
    }
}
