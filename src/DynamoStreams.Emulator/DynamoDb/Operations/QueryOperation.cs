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
    private static readonly string[] s_legacyParameters = ["AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"];
    private static readonly string[] s_expressionParameters = ["ProjectionExpression", "FilterExpression", "KeyConditionExpression"];

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

        // The phases of ReadRequest, in DynamoDB's order (observed: dynalite suite query.js 'validations').
        // 1. Member constraints.
        var options = CheckConstraints(body);

        // 2. Parameter combinations.
        var read = ReadRequest.Read(body, s_legacyParameters, s_expressionParameters, options);

        // 3. Attribute values: QueryFilter, AttributesToGet, ExclusiveStartKey, KeyConditions.
        read.ReadLegacyFilter(body, "QueryFilter");
        read.ReadAttributesToGet(body);
        read.ReadStartKey(body);
        var keyTerms = LegacyFilters.ReadKeyConditionTerms(body);
        var keyConditionText = JsonFields.GetString(body, "KeyConditionExpression");
        if (keyConditionText is null && keyTerms is null)
        {
            throw DynamoDbErrors.Validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }

        // 4. Expressions: the key condition's syntax, the filter and projection, unused placeholders, the key condition's shape.
        read.ReadPlaceholders(body);
        var keyExpression = keyConditionText is null ? null : KeyCondition.ParseSyntax(keyConditionText, read.Context);
        read.ParseFilterAndProjection(body);
        read.Context.ValidateAllUsed();
        keyTerms ??= KeyCondition.ToTerms(keyExpression!);

        // 5. The table, the index and the key schema.
        var table = Context.GetTable(request.Region, read.TableName);
        var source = read.OpenSource(table);
        var condition = CheckAgainstSource(read, source, keyTerms);
        var startKey = read.ExclusiveStartKey;

        var forward = JsonFields.GetBoolean(body, "ScanIndexForward") ?? true;
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
                if (startKey is not null)
                {
                    var position = source.PositionOf(startKey).Sort;
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

    /// <summary>
    /// Phase 5: binds the key condition to the key schema of the table or index and checks the start key, filter and
    /// Select against it. The start key's partition key is checked before the key condition, its other key
    /// attributes after (observed: dynalite suite query.js "if hash in ExclusiveStartKey but not in query").
    /// </summary>
    private static KeyCondition CheckAgainstSource(ReadRequest read, ReadSource source, List<KeyConditionTerm> keyTerms)
    {
        var startKey = read.ExclusiveStartKey;
        if (startKey is not null)
        {
            StartKeys.CheckCount(startKey, source, prefixed: false);
            StartKeys.CheckAttribute(startKey, source.Schema.HashKey, prefixed: false);
        }

        var condition = KeyCondition.Bind(keyTerms, source.PartitionKey, source.SortKeyAttribute);
        if (startKey is not null)
        {
            if (source.Schema.RangeKey is not null)
            {
                StartKeys.CheckAttribute(startKey, source.Schema.RangeKey, prefixed: false);
            }

            StartKeys.CheckTableKey(startKey, source);
        }

        CheckFilterAvoidsKeys(read, source);
        read.CheckSelectOnIndex(source);
        read.CheckKeysAreScalar(source);
        if (startKey is not null)
        {
            StartKeys.CheckWithinCondition(startKey, condition);
        }

        return condition;
    }

    /// <summary>Checks the members' constraints, listed in the order DynamoDB's message lists them (its cap of ten keeps the first).</summary>
    private static ReturnOptions CheckConstraints(JsonElement body)
    {
        var errors = new ValidationErrors();
        ReadRequest.CheckSelect(body, errors);
        errors.CheckName(JsonFields.GetString(body, "IndexName"), "indexName", required: false);
        var options = ReturnOptions.Read(body, errors);
        errors.CheckComparisonOperators(body, "QueryFilter", "queryFilter");
        errors.CheckName(Tables.TableNames.FromArn(JsonFields.GetString(body, "TableName")), "tableName");
        errors.CheckConditionalOperator(body);
        errors.CheckNotEmptyList(body, "AttributesToGet", "attributesToGet");
        errors.CheckRange(JsonFields.GetInt64(body, "Limit"), "limit", 1);
        errors.CheckComparisonOperators(body, "KeyConditions", "keyConditions");
        errors.ThrowIfAny();
        return options;
    }

    private static void CheckFilterAvoidsKeys(ReadRequest read, ReadSource source)
    {
        if (read.Filter is null)
        {
            return;
        }

        var referenced = read.Filter.ReferencedAttributes();
        var schema = source.Schema;
        foreach (var key in schema.Attributes)
        {
            if (referenced.Contains(key.Name))
            {
                throw DynamoDbErrors.Validation(read.FilterName + " can only contain non-primary key attributes: Primary key attribute: " + key.Name);
            }
        }
    }
}
