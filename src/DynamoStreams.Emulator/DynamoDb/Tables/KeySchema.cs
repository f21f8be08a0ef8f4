namespace DynamoStreams.Emulator.DynamoDb.Tables;

/// <summary>
/// Describes the primary key of a table or index: a partition (HASH) key and an optional sort (RANGE) key.
/// </summary>
/// <param name="HashKey">The partition key.</param>
/// <param name="RangeKey">The sort key, or <see langword="null"/>.</param>
internal sealed record KeySchema(KeyAttribute HashKey, KeyAttribute? RangeKey)
{
    /// <summary>Returns whether the attribute is part of this key.</summary>
    /// <param name="attributeName">The attribute name.</param>
    /// <returns><see langword="true"/> for the partition or sort key.</returns>
    public bool Contains(string attributeName) =>
        HashKey.Name == attributeName || RangeKey?.Name == attributeName;

    /// <summary>Gets the key's attributes: the partition key, then the sort key when there is one.</summary>
    public IReadOnlyList<KeyAttribute> Attributes { get; } = RangeKey is null ? [HashKey] : [HashKey, RangeKey];
}
