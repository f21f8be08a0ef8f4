using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DynamoStreams.Emulator.Sqs.Storage;

/// <summary>
/// Encodes and verifies receipt handles: opaque to clients, they name a message and the receive that
/// issued them, with a digest so that a made-up handle is told apart from a stale genuine one.
/// </summary>
internal static class SqsReceiptHandle
{
    public static string Create(string queueKey, string messageId, int receiveCount)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"{messageId}:{receiveCount}:{Digest(queueKey, messageId, receiveCount)}");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(payload));
    }

    public static bool TryParse(string queueKey, string handle, out string messageId, out int receiveCount)
    {
        messageId = string.Empty;
        receiveCount = 0;
        var bytes = new byte[handle.Length];
        if (!Convert.TryFromBase64String(handle, bytes, out var written))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(bytes, 0, written).Split(':');
        if (parts.Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out receiveCount))
        {
            return false;
        }

        messageId = parts[0];
        return parts[2] == Digest(queueKey, messageId, receiveCount);
    }

    private static string Digest(string queueKey, string messageId, int receiveCount) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{queueKey}|{messageId}|{receiveCount}"))), 0, 12);
}
