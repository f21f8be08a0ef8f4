namespace DynamoStreams.Emulator.DynamoDb.Model;

/// <summary>
/// Identifies an item by its partition key value and optional sort key value; equal keys are equal as DynamoDB
/// compares them, and the order is partition then sort in DynamoDB's key order, so it serves as a dictionary key
/// and as a sorted-collection key.
/// </summary>
internal readonly struct ItemKey : IEquatable<ItemKey>, IComparable<ItemKey>
{
    /// <summary>Initializes a new key.</summary>
    /// <param name="partition">The partition key value (S, N or B).</param>
    /// <param name="sort">The sort key value, or null for a table without one.</param>
    public ItemKey(AttributeValue partition, AttributeValue? sort = null)
    {
        ArgumentNullException.ThrowIfNull(partition);
        Partition = partition;
        Sort = sort;
    }

    /// <summary>Gets the partition key value.</summary>
    public AttributeValue Partition { get; }

    /// <summary>Gets the sort key value, or null.</summary>
    public AttributeValue? Sort { get; }

    /// <summary>Determines whether two keys are equal.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(ItemKey left, ItemKey right) => left.Equals(right);

    /// <summary>Determines whether two keys differ.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(ItemKey left, ItemKey right) => !left.Equals(right);

    /// <summary>Determines whether the first key sorts before the second.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>True when less.</returns>
    public static bool operator <(ItemKey left, ItemKey right) => left.CompareTo(right) < 0;

    /// <summary>Determines whether the first key sorts after the second.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>True when greater.</returns>
    public static bool operator >(ItemKey left, ItemKey right) => left.CompareTo(right) > 0;

    /// <summary>Determines whether the first key sorts before or with the second.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>True when less or equal.</returns>
    public static bool operator <=(ItemKey left, ItemKey right) => left.CompareTo(right) <= 0;

    /// <summary>Determines whether the first key sorts after or with the second.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>True when greater or equal.</returns>
    public static bool operator >=(ItemKey left, ItemKey right) => left.CompareTo(right) >= 0;

    /// <summary>Compares partition values, then sort values, in DynamoDB's key order.</summary>
    /// <param name="other">The other key.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(ItemKey other)
    {
        var partition = KeyValueComparer.Instance.Compare(Partition, other.Partition);
        return partition != 0 ? partition : KeyValueComparer.Instance.Compare(Sort, other.Sort);
    }

    /// <summary>Determines whether both keys hold equal values.</summary>
    /// <param name="other">The other key.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(ItemKey other) => Partition == other.Partition && Sort == other.Sort;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ItemKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Partition, Sort);

    /// <inheritdoc />
    public override string ToString() => Sort is null ? $"[{Partition}]" : $"[{Partition}, {Sort}]";
}
