namespace DynamoStreams.Emulator.DynamoDb.Model;

/// <summary>Decodes B and BS wire values with DynamoDB's strict base64 rules and exact messages (dynalite / real service).</summary>
internal static class Base64Rules
{
    /// <summary>Checks a wire value without keeping the bytes.</summary>
    public static void Validate(string text) => Decode(text);

    public static byte[] Decode(string text)
    {
        if (text.Length % 4 != 0)
        {
            throw Fault("Base64 encoded length is expected a multiple of 4 bytes but found: " + text.Length);
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var valid = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '+' or '/' or '=';
            if (c == '=' && i + 1 < text.Length && text[i + 1] != '=')
            {
                throw Fault("Invalid last non-pad Base64 character dectected");
            }

            if (!valid)
            {
                throw Fault($"Invalid Base64 character: '{c}'");
            }
        }

        var bytes = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64String(text, bytes, out var written) || !IsCanonical(text, bytes.AsSpan(0, written)))
        {
            // The typo is DynamoDB's own.
            throw Fault("Invalid last non-pad Base64 character dectected");
        }

        return written == bytes.Length ? bytes : bytes[..written];
    }

    private static bool IsCanonical(string text, ReadOnlySpan<byte> bytes)
    {
        // Non-zero bits after the last significant character make a different re-encoding.
        Span<char> buffer = stackalloc char[4];
        var tail = bytes.Length % 3;
        if (tail == 0 || text.Length < 4)
        {
            return true;
        }

        return Convert.TryToBase64Chars(bytes[^tail..], buffer, out var count)
            && text.AsSpan(text.Length - 4).SequenceEqual(buffer[..count]);
    }

    private static DynamoSerializationException Fault(string reason) => new(reason);
}
