using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>
/// Computes the MD5 digests SQS returns and the AWS SDKs verify: of a message body, and of a set of
/// message attributes in SQS's length-prefixed canonical encoding.
/// </summary>
internal static class SqsMd5
{
    private const byte StringTypeMarker = 1;
    private const byte BinaryTypeMarker = 2;

    /// <summary>Computes the lowercase hex MD5 of a message body's UTF-8 bytes.</summary>
    /// <param name="body">The message body.</param>
    /// <returns>32 lowercase hex digits.</returns>
    public static string OfBody(string body) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));

    /// <summary>
    /// Computes the lowercase hex MD5 of message attributes: sorted ordinally by name, each written as
    /// length-prefixed name, length-prefixed data type, a type byte and the length-prefixed value.
    /// </summary>
    /// <param name="attributes">The attributes; must not be empty.</param>
    /// <returns>32 lowercase hex digits.</returns>
    public static string OfAttributes(IReadOnlyDictionary<string, SqsMessageAttribute> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        using var buffer = new MemoryStream();
        foreach (var name in attributes.Keys.Order(StringComparer.Ordinal))
        {
            var attribute = attributes[name];
            WriteLengthPrefixed(buffer, Encoding.UTF8.GetBytes(name));
            WriteLengthPrefixed(buffer, Encoding.UTF8.GetBytes(attribute.DataType));
            if (attribute.IsBinary)
            {
                buffer.WriteByte(BinaryTypeMarker);
                WriteLengthPrefixed(buffer, attribute.BinaryValue ?? []);
            }
            else
            {
                buffer.WriteByte(StringTypeMarker);
                WriteLengthPrefixed(buffer, Encoding.UTF8.GetBytes(attribute.StringValue ?? string.Empty));
            }
        }

        return Convert.ToHexStringLower(MD5.HashData(buffer.ToArray()));
    }

    private static void WriteLengthPrefixed(MemoryStream buffer, byte[] value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, value.Length);
        buffer.Write(length);
        buffer.Write(value);
    }
}
