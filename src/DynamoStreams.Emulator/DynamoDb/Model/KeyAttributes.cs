using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace DynamoStreams.Emulator.DynamoDb.Model;

/// <summary>
/// An item's key attributes (the partition key, and the sort key when the table has one) as a read-only map. A
/// write takes its key from the item it writes on every request; a dictionary for one or two entries would cost four
/// objects and about 200 bytes where this is one object of 48.
/// </summary>
internal sealed class KeyAttributes : IReadOnlyDictionary<string, AttributeValue>
{
    private readonly string _hashName;
    private readonly AttributeValue _hash;
    private readonly string? _rangeName;
    private readonly AttributeValue? _range;

    /// <summary>Initializes a key of a partition key only.</summary>
    /// <param name="hashName">The partition key's name.</param>
    /// <param name="hash">Its value.</param>
    public KeyAttributes(string hashName, AttributeValue hash)
    {
        _hashName = hashName;
        _hash = hash;
    }

    /// <summary>Initializes a key of a partition key and a sort key.</summary>
    /// <param name="hashName">The partition key's name.</param>
    /// <param name="hash">Its value.</param>
    /// <param name="rangeName">The sort key's name (not the partition key's).</param>
    /// <param name="range">Its value.</param>
    public KeyAttributes(string hashName, AttributeValue hash, string rangeName, AttributeValue range)
    {
        if (string.Equals(hashName, rangeName, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The sort key '{rangeName}' has the partition key's name.", nameof(rangeName));
        }

        _hashName = hashName;
        _hash = hash;
        _rangeName = rangeName;
        _range = range;
    }

    /// <inheritdoc />
    public int Count => _rangeName is null ? 1 : 2;

    /// <inheritdoc />
    public IEnumerable<string> Keys => _rangeName is null ? [_hashName] : [_hashName, _rangeName];

    /// <inheritdoc />
    public IEnumerable<AttributeValue> Values => _range is null ? [_hash] : [_hash, _range];

    /// <inheritdoc />
    public AttributeValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The key has no attribute '{key}'.");

    /// <inheritdoc />
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out AttributeValue value)
    {
        if (string.Equals(key, _hashName, StringComparison.Ordinal))
        {
            value = _hash;
            return true;
        }

        if (_rangeName is not null && string.Equals(key, _rangeName, StringComparison.Ordinal))
        {
            value = _range!;
            return true;
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, AttributeValue>> GetEnumerator()
    {
        yield return new(_hashName, _hash);
        if (_rangeName is not null)
        {
            yield return new(_rangeName, _range!);
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
