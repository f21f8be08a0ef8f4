using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DynamoStreams.Emulator.Streams.Operations;

/// <summary>
/// Encodes shard iterators as <c>&lt;streamArn&gt;|1|&lt;opaque&gt;</c> (the shape of AWS's), where the opaque part
/// carries the shard, the position and the issue time with a digest against tampering.
/// </summary>
internal static class ShardIteratorCodec
{
    // A fixed key: the digest catches corrupted or hand-made iterators, and iterators stay valid across a restart.
    private static readonly byte[] s_key = Encoding.UTF8.GetBytes("DynamoStreams.Emulator shard iterator v1");

    public static string Encode(string streamArn, string shardId, long afterCounter, DateTimeOffset issuedAt)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"{shardId}|{afterCounter}|{issuedAt.UtcTicks}");
        var mac = Convert.ToHexStringLower(HMACSHA256.HashData(s_key, Encoding.UTF8.GetBytes(streamArn + "|" + payload)), 0, 8);
        return streamArn + "|1|" + Convert.ToBase64String(Encoding.UTF8.GetBytes(payload + "|" + mac));
    }

    public static bool TryDecode(string iterator, out string streamArn, out string shardId, out long afterCounter, out DateTimeOffset issuedAt)
    {
        streamArn = shardId = string.Empty;
        afterCounter = 0;
        issuedAt = default;
        var marker = iterator.LastIndexOf("|1|", StringComparison.Ordinal);
        if (marker <= 0)
        {
            return false;
        }

        streamArn = iterator[..marker];
        var bytes = new byte[iterator.Length];
        if (!Convert.TryFromBase64String(iterator[(marker + 3)..], bytes, out var written))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(bytes, 0, written).Split('|');
        if (parts.Length != 4
            || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out afterCounter)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }

        var payload = $"{parts[0]}|{parts[1]}|{parts[2]}";
        var mac = Convert.ToHexStringLower(HMACSHA256.HashData(s_key, Encoding.UTF8.GetBytes(streamArn + "|" + payload)), 0, 8);
        if (mac != parts[3])
        {
            return false;
        }

        shardId = parts[0];
        issuedAt = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}
