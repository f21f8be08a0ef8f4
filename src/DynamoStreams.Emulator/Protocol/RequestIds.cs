using System.Security.Cryptography;

namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Creates request ids shaped like DynamoDB's: 52 upper-case letters and digits.
/// </summary>
internal static class RequestIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string Create()
    {
        Span<byte> random = stackalloc byte[52];
        RandomNumberGenerator.Fill(random);
        return string.Create(52, random.ToArray(), static (chars, bytes) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[bytes[i] % Alphabet.Length];
            }
        });
    }
}
