using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>Writes the event JSON the function receives (spec B.3) without re-serialising the records.</summary>
/// <remarks>
/// Written by hand on purpose rather than through DynamoStreams.Lambda's <c>DynamoDBEvent</c> model: each record is
/// the stream's own <c>GetRecords</c> JSON, copied byte for byte with <c>eventSourceARN</c> appended, so what the
/// function receives is exactly what the stream returned (attribute values, number text, member order) and a batch
/// costs one copy per record instead of a parse and a serialisation. A model round trip would also tie the host to the
/// handler library's version.
/// </remarks>
internal static class EventPayload
{
    /// <summary>The synchronous invocation payload limit: 6 MB.</summary>
    public const int MaxPayloadBytes = 6 * 1024 * 1024;

    /// <summary>Bytes of the envelope around the records, kept free when sizing a batch (window fields included).</summary>
    public const int EnvelopeReserve = 64 * 1024;

    private static readonly byte[] s_recordsOpen = """{"Records":["""u8.ToArray();

    /// <summary>Returns a record as delivered: the GetRecords JSON plus <c>eventSourceARN</c>.</summary>
    public static byte[] ToDelivered(ReadOnlySpan<byte> recordJson, string streamArn) =>
        ToDelivered(recordJson, ArnMember(streamArn));

    /// <summary>Returns the closing member added to every delivered record, <c>"eventSourceARN":"…"}</c>, computed once per shard.</summary>
    public static byte[] ArnMember(string streamArn) =>
        System.Text.Encoding.UTF8.GetBytes($"\"eventSourceARN\":{JsonSerializer.Serialize(streamArn)}}}");

    /// <summary>Returns a record as delivered, with the member from <see cref="ArnMember"/> (one allocation per record).</summary>
    public static byte[] ToDelivered(ReadOnlySpan<byte> recordJson, ReadOnlySpan<byte> arnMember)
    {
        var end = recordJson.LastIndexOf((byte)'}');
        if (end < 0)
        {
            throw new FormatException("A stream record's JSON is not an object.");
        }

        var body = recordJson[..end].TrimEnd(" \r\n\t"u8);
        var comma = body.Length > 1 ? 1 : 0;
        var result = new byte[body.Length + comma + arnMember.Length];
        body.CopyTo(result);
        if (comma == 1)
        {
            result[body.Length] = (byte)',';
        }

        arnMember.CopyTo(result.AsSpan(body.Length + comma));
        return result;
    }

    /// <summary>Writes <c>{"Records":[...]}</c>.</summary>
    public static byte[] Build(IReadOnlyList<PendingRecord> records)
    {
        var buffer = new ArrayBufferWriter<byte>(records.Sum(r => r.DeliveredJson.Length + 1) + 16);
        WriteRecords(buffer, records);
        buffer.Write("}"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the tumbling-window event (spec B.3).</summary>
    public static byte[] BuildWindow(IReadOnlyList<PendingRecord> records, WindowInvocation window)
    {
        var buffer = new ArrayBufferWriter<byte>(records.Sum(r => r.DeliveredJson.Length + 1) + window.StateJson.Length + 512);
        WriteRecords(buffer, records);
        var tail = string.Create(CultureInfo.InvariantCulture, $$"""
            ,"window":{"start":{{Iso(window.Start)}},"end":{{Iso(window.End)}}},"state":{{window.StateJson}},"shardId":{{JsonSerializer.Serialize(window.ShardId)}},"eventSourceARN":{{JsonSerializer.Serialize(window.StreamArn)}},"isFinalInvokeForWindow":{{(window.IsFinal ? "true" : "false")}},"isWindowTerminatedEarly":{{(window.TerminatedEarly ? "true" : "false")}}}
            """);
        buffer.Write(System.Text.Encoding.UTF8.GetBytes(tail));
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteRecords(ArrayBufferWriter<byte> buffer, IReadOnlyList<PendingRecord> records)
    {
        buffer.Write(s_recordsOpen);
        for (var i = 0; i < records.Count; i++)
        {
            if (i > 0)
            {
                buffer.Write(","u8);
            }

            buffer.Write(records[i].DeliveredJson);
        }

        buffer.Write("]"u8);
    }

    private static string Iso(DateTimeOffset time) =>
        JsonSerializer.Serialize(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
