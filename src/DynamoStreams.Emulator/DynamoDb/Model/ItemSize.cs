using System.Text;

namespace DynamoStreams.Emulator.DynamoDb.Model;

/// <summary>
/// Computes item sizes as DynamoDB does for its 400 KB limit and capacity units: names and strings by UTF-8 bytes,
/// binaries by bytes, numbers by significant digits, 3 bytes of overhead per map or list plus 1 per element.
/// </summary>
internal static class ItemSize
{
    /// <summary>The largest item DynamoDB stores, in bytes (400 KB).</summary>
    public const int MaxItemBytes = 400 * 1024;

    /// <summary>Computes the size of an item: each attribute's name plus its value.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The size in bytes.</returns>
    public static long Of(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        long size = 0;
        if (item is Dictionary<string, AttributeValue> dictionary)
        {
            // Items are dictionaries: enumerating the concrete type does not box the enumerator.
            foreach (var (name, value) in dictionary)
            {
                size += Encoding.UTF8.GetByteCount(name) + Of(value);
            }

            return size;
        }

        foreach (var (name, value) in item)
        {
            size += Encoding.UTF8.GetByteCount(name) + Of(value);
        }

        return size;
    }

    /// <summary>Computes the size of one attribute value (without its name).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The size in bytes.</returns>
    public static long Of(AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (value.Type)
        {
            case AttributeValueType.S:
                return Encoding.UTF8.GetByteCount(value.AsString());
            case AttributeValueType.N:
                return Of(value.AsNumber());
            case AttributeValueType.B:
                return value.RawBinary.Length;
            case AttributeValueType.SS:
                long ss = 0;
                foreach (var member in value.AsStringSet())
                {
                    ss += Encoding.UTF8.GetByteCount(member);
                }

                return ss;
            case AttributeValueType.NS:
                long ns = 0;
                foreach (var member in value.AsNumberSet())
                {
                    ns += Of(member);
                }

                return ns;
            case AttributeValueType.BS:
                long bs = 0;
                foreach (var member in value.AsBinarySet())
                {
                    bs += member.Length;
                }

                return bs;
            case AttributeValueType.M:
                var map = value.AsMap();
                return 3 + map.Count + Of(map);
            case AttributeValueType.L:
                long list = 3;
                foreach (var element in value.AsList())
                {
                    list += 1 + Of(element);
                }

                return list;
            default:
                return 1;
        }
    }

    /// <summary>Computes the stored size of a number: about one byte per two significant digits plus one.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The size in bytes.</returns>
    public static int Of(DynamoNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (number.Sign == 0)
        {
            return 1;
        }

        // Digits are stored in base-100 pairs aligned on the exponent, so an even digit count that starts on an
        // even exponent spills into one more byte (the model dynalite derived from the real service).
        var digits = number.SignificantDigits.Length;
        var aligned = digits % 2 != 0 || number.Exponent % 2 != 0;
        return 1 + ((digits + 1) / 2) + (aligned ? 0 : 1) + (number.Sign < 0 ? 1 : 0);
    }
}
