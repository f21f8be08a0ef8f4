using System.Collections.Immutable;

namespace DynamoStreams.Emulator.DynamoDb.Model;

/// <content>Value equality: sets as sets, numbers numerically, binaries bytewise, maps and lists deeply.</content>
internal sealed partial class AttributeValue
{
    /// <summary>Determines whether two values are equal as DynamoDB compares them.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(AttributeValue? left, AttributeValue? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Determines whether two values differ as DynamoDB compares them.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(AttributeValue? left, AttributeValue? right) => !(left == right);

    /// <summary>Determines whether this value equals another as DynamoDB compares them.</summary>
    /// <param name="other">The other value.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(AttributeValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Type != Type)
        {
            return false;
        }

        return Type switch
        {
            AttributeValueType.S => string.Equals((string)_value!, (string)other._value!, StringComparison.Ordinal),
            AttributeValueType.N => ((DynamoNumber)_value!).Equals((DynamoNumber)other._value!),
            AttributeValueType.B => RawBinary.AsSpan().SequenceEqual(other.RawBinary),
            AttributeValueType.SS => SetEquals(AsStringSet(), other.AsStringSet(), StringComparer.Ordinal),
            AttributeValueType.NS => SetEquals(AsNumberSet(), other.AsNumberSet(), EqualityComparer<DynamoNumber>.Default),
            AttributeValueType.BS => SetEquals(AsBinarySet(), other.AsBinarySet(), BinaryEqualityComparer.Instance),
            AttributeValueType.M => MapEquals(AsMap(), other.AsMap()),
            AttributeValueType.L => AsList().AsSpan().SequenceEqual(other.AsList().AsSpan()),
            AttributeValueType.BOOL => _bool == other._bool,
            _ => true,
        };
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AttributeValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        switch (Type)
        {
            case AttributeValueType.S:
                return HashCode.Combine(Type, ((string)_value!).GetHashCode(StringComparison.Ordinal));
            case AttributeValueType.N:
                return HashCode.Combine(Type, _value);
            case AttributeValueType.B:
                return HashCode.Combine(Type, BinaryEqualityComparer.Instance.GetHashCode(RawBinary));
            case AttributeValueType.SS:
                return HashCode.Combine(Type, SetHash(AsStringSet(), StringComparer.Ordinal));
            case AttributeValueType.NS:
                return HashCode.Combine(Type, SetHash(AsNumberSet(), EqualityComparer<DynamoNumber>.Default));
            case AttributeValueType.BS:
                return HashCode.Combine(Type, SetHash(AsBinarySet(), BinaryEqualityComparer.Instance));
            case AttributeValueType.M:
                var mapHash = 0;
                foreach (var (name, value) in AsMap())
                {
                    mapHash += HashCode.Combine(name, value);
                }

                return HashCode.Combine(Type, mapHash);
            case AttributeValueType.L:
                var listHash = new HashCode();
                foreach (var value in AsList())
                {
                    listHash.Add(value);
                }

                return HashCode.Combine(Type, listHash.ToHashCode());
            case AttributeValueType.BOOL:
                return HashCode.Combine(Type, _bool);
            default:
                return Type.GetHashCode();
        }
    }

    private static bool SetEquals<T>(ImmutableArray<T> left, ImmutableArray<T> right, IEqualityComparer<T> comparer)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        if (left.Length == 1)
        {
            return comparer.Equals(left[0], right[0]);
        }

        var set = new HashSet<T>(left, comparer);
        foreach (var member in right)
        {
            if (!set.Contains(member))
            {
                return false;
            }
        }

        return true;
    }

    private static int SetHash<T>(ImmutableArray<T> members, IEqualityComparer<T> comparer)
    {
        var hash = 0;
        foreach (var member in members)
        {
            hash += comparer.GetHashCode(member!);
        }

        return hash;
    }

    private static bool MapEquals(IReadOnlyDictionary<string, AttributeValue> left, IReadOnlyDictionary<string, AttributeValue> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (name, value) in left)
        {
            if (!right.TryGetValue(name, out var other) || !value.Equals(other))
            {
                return false;
            }
        }

        return true;
    }
}
