namespace DynamoStreams.Emulator.DynamoDb.Model;

/// <summary>
/// Orders key values as DynamoDB sorts them: S by UTF-8 bytes, N numerically, B as unsigned bytes. Values of
/// different types order by type (never the case within one table's key attribute).
/// </summary>
internal sealed class KeyValueComparer : IComparer<AttributeValue>
{
    private KeyValueComparer()
    {
    }

    /// <summary>Gets the comparer.</summary>
    public static KeyValueComparer Instance { get; } = new();

    /// <summary>Compares two key values in DynamoDB's sort order.</summary>
    /// <param name="x">The first value.</param>
    /// <param name="y">The second value.</param>
    /// <returns>Negative, zero or positive as <paramref name="x"/> sorts before, with or after <paramref name="y"/>.</returns>
    public int Compare(AttributeValue? x, AttributeValue? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        if (x.Type != y.Type)
        {
            return x.Type.CompareTo(y.Type);
        }

        return x.Type switch
        {
            AttributeValueType.S => CompareUtf8(x.AsString(), y.AsString()),
            AttributeValueType.N => x.AsNumber().CompareTo(y.AsNumber()),
            AttributeValueType.B => x.RawBinary.AsSpan().SequenceCompareTo(y.RawBinary),
            _ => throw new ArgumentException($"Only S, N and B values are key values; got {AttributeValue.TypeKey(x.Type)}.", nameof(x)),
        };
    }

    /// <summary>Compares two strings by their UTF-8 bytes, the order DynamoDB uses for S keys.</summary>
    /// <param name="x">The first string.</param>
    /// <param name="y">The second string.</param>
    /// <returns>Negative, zero or positive.</returns>
    public static int CompareUtf8(string x, string y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a == b)
            {
                continue;
            }

            // UTF-16 code-unit order equals UTF-8 byte order except that surrogates (U+D800..U+DFFF, which encode
            // code points above U+FFFF) must sort after U+E000..U+FFFF.
            if (char.IsSurrogate(a) != char.IsSurrogate(b) && (a >= '\uE000' || b >= '\uE000'))
            {
                return char.IsSurrogate(a) ? 1 : -1;
            }

            return a.CompareTo(b);
        }

        return x.Length.CompareTo(y.Length);
    }
}
