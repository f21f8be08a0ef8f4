using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.DynamoDb.Tables;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// What a Query or Scan reads: the table itself or one of its secondary indexes, with the index's key
/// schema, its ordering and its projection.
/// </summary>
internal sealed class ReadSource
{
    private ReadSource(StoredTable table, TableDefinition definition, SecondaryIndex? index)
    {
        Table = table;
        Definition = definition;
        Index = index;
        Schema = index?.KeySchema ?? definition.KeySchema;
    }

    public StoredTable Table { get; }

    public TableDefinition Definition { get; }

    public SecondaryIndex? Index { get; }

    public KeySchema Schema { get; }

    public static ReadSource Open(StoredTable table, string? indexName)
    {
        var definition = table.Definition;
        if (indexName is null)
        {
            return new ReadSource(table, definition, null);
        }

        var index = definition.FindIndex(indexName)
            ?? throw DynamoDbErrors.Validation("The table does not have the specified index: " + indexName);
        return new ReadSource(table, definition, index);
    }

    /// <summary>Gets the ordered items to read; call under the table's lock.</summary>
    public OrderedItems Items => Index is null ? Table.Items : Table.GetIndex(Index.Name)!;

    public KeySchemaAttribute PartitionKey => ToExpressionKey(Schema.HashKey);

    public KeySchemaAttribute? SortKeyAttribute => Schema.RangeKey is null ? null : ToExpressionKey(Schema.RangeKey);

    /// <summary>Gets the attributes of a LastEvaluatedKey: the table key plus the index key.</summary>
    public IReadOnlyList<KeyAttribute> LastKeyAttributes()
    {
        var list = new List<KeyAttribute> { Definition.KeySchema.HashKey };
        if (Definition.KeySchema.RangeKey is not null)
        {
            list.Add(Definition.KeySchema.RangeKey);
        }

        if (Index is not null)
        {
            foreach (var attribute in Index.KeySchema.Attributes)
            {
                if (!list.Any(a => a.Name == attribute.Name))
                {
                    list.Add(attribute);
                }
            }
        }

        return list;
    }

    public Dictionary<string, AttributeValue> LastKeyOf(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var key = new Dictionary<string, AttributeValue>(4, StringComparer.Ordinal);
        foreach (var attribute in LastKeyAttributes())
        {
            key[attribute.Name] = item[attribute.Name];
        }

        return key;
    }

    /// <summary>Returns the position of an item (or a start key) in this source's order.</summary>
    public (AttributeValue Hash, SortKey Sort) PositionOf(IReadOnlyDictionary<string, AttributeValue> item)
    {
        if (Index is null)
        {
            var range = Schema.RangeKey is null ? null : item[Schema.RangeKey.Name];
            return (item[Schema.HashKey.Name], new SortKey(range, null, null));
        }

        return StoredTable.IndexKey(Definition, Index, item) ?? throw DynamoDbErrors.Validation(StartKeys.Invalid);
    }

    /// <summary>Applies the index projection (what an index stores); table reads and ALL projections return the item.</summary>
    public IReadOnlyDictionary<string, AttributeValue> Projected(IReadOnlyDictionary<string, AttributeValue> item, bool fetchFromTable)
    {
        if (Index is null || fetchFromTable || Index.Projection.ProjectionType == "ALL")
        {
            return item;
        }

        var result = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var attribute in LastKeyAttributes())
        {
            result[attribute.Name] = item[attribute.Name];
        }

        foreach (var name in Index.Projection.NonKeyAttributes)
        {
            if (item.TryGetValue(name, out var value))
            {
                result[name] = value;
            }
        }

        return result;
    }

    private static KeySchemaAttribute ToExpressionKey(KeyAttribute attribute) => new(attribute.Name, attribute.Type switch
    {
        "S" => AttributeValueType.S,
        "N" => AttributeValueType.N,
        _ => AttributeValueType.B,
    });
}
