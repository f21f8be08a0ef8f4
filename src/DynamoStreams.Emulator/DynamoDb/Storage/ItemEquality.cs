using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Storage;

/// <summary>Compares whole items with DynamoDB value equality.</summary>
internal static class ItemEquality
{
    /// <summary>Returns whether two items have the same attributes with equal values.</summary>
    /// <param name="x">The first item.</param>
    /// <param name="y">The second item.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool AreEqual(IReadOnlyDictionary<string, AttributeValue> x, IReadOnlyDictionary<string, AttributeValue> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x.Count != y.Count)
        {
            return false;
        }

        if (x is Dictionary<string, AttributeValue> dictionary)
        {
            // Items are dictionaries: enumerating the concrete type does not box the enumerator.
            foreach (var (name, value) in dictionary)
            {
                if (!y.TryGetValue(name, out var other) || !value.Equals(other))
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var (name, value) in x)
        {
            if (!y.TryGetValue(name, out var other) || !value.Equals(other))
            {
                return false;
            }
        }

        return true;
    }
}
