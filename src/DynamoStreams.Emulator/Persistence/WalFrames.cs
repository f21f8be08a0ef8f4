using System.Buffers.Binary;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// Reads and writes the frames of the write-ahead log and of snapshots: a 4-byte little-endian payload length,
/// the 4-byte little-endian CRC-32 of the payload, then the payload (one UTF-8 JSON entry).
/// </summary>
internal static class WalFrames
{
    public const int HeaderSize = 8;

    /// <summary>The largest payload accepted when reading; anything larger is treated as corruption.</summary>
    public const int MaxPayload = 64 * 1024 * 1024;

    public static void Write(Stream stream, ReadOnlySpan<byte> payload) => Write(stream, payload, Crc32.Compute(payload));

    /// <summary>Writes a frame whose checksum was computed beforehand (outside a lock).</summary>
    public static void Write(Stream stream, ReadOnlySpan<byte> payload, uint crc)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        BinaryPrimitives.WriteInt32LittleEndian(header, payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], crc);
        stream.Write(header);
        stream.Write(payload);
    }

    /// <summary>
    /// Reads every intact frame of a file. Stops at the first incomplete or corrupt frame (a torn tail) and
    /// reports the offset where the intact part ends.
    /// </summary>
    public static (List<byte[]> Payloads, long IntactLength, bool Torn) ReadAll(string path)
    {
        var payloads = new List<byte[]>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        var header = new byte[HeaderSize];
        long offset = 0;
        while (true)
        {
            var read = stream.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false);
            if (read == 0)
            {
                return (payloads, offset, false);
            }

            if (read < HeaderSize)
            {
                return (payloads, offset, true);
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(header);
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));

            // No entry is empty: a zero header is the preallocated, never written end of a log segment.
            if (length == 0 && crc == 0)
            {
                return (payloads, offset, false);
            }

            if (length is < 0 or > MaxPayload)
            {
                return (payloads, offset, true);
            }

            var payload = new byte[length];
            if (stream.ReadAtLeast(payload, length, throwOnEndOfStream: false) < length || Crc32.Compute(payload) != crc)
            {
                return (payloads, offset, true);
            }

            payloads.Add(payload);
            offset += HeaderSize + length;
        }
    }
}
