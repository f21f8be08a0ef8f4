namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Creates request ids shaped like DynamoDB's: 52 upper-case letters and digits.
/// </summary>
internal static class RequestIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    // 36^12 < 2^63: one random long yields twelve digits of the alphabet.
    private const int DigitsPerDraw = 12;

    // An id only has to be unique enough to find a request in a log, not unpredictable: the shared pseudo-random
    // generator avoids a cryptographic random call on every request, and five draws replace one per character.
    public static string Create() =>
        string.Create(52, 0, static (chars, _) =>
        {
            for (var at = 0; at < chars.Length;)
            {
                var bits = (ulong)Random.Shared.NextInt64();
                for (var digit = 0; digit < DigitsPerDraw && at < chars.Length; digit++, at++)
                {
                    chars[at] = Alphabet[(int)(bits % (ulong)Alphabet.Length)];
                    bits /= (ulong)Alphabet.Length;
                }
            }
        });
}
