using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.DynamoDb.Ttl;
using DynamoStreams.Emulator.Sqs.Storage;
using DynamoStreams.Emulator.Streams.Storage;

namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// Writes the whole state as a snapshot: the same entries as the log, framed the same way, ending with an
/// <c>end</c> entry; written to a temporary file, fsynced, then renamed into place.
/// </summary>
internal sealed class SnapshotWriter(ITableStore tables, StreamStore streams, TtlRegistry ttl, SqsQueueStore queues, DurableStore keys)
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static string SnapshotPath(string directory, long segment) =>
        Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"snapshot-{segment:D8}.log"));

    /// <summary>Writes a complete snapshot of the state for the segments up to <paramref name="segment"/>; returns its size in bytes.</summary>
    public long Write(string directory, long segment)
    {
        var path = SnapshotPath(directory, segment);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            foreach (var table in tables.ListAll())
            {
                List<IReadOnlyDictionary<string, AttributeValue>> items;
                Dictionary<string, string> tags;
                lock (table.SyncRoot)
                {
                    if (table.IsDeleted)
                    {
                        continue;
                    }

                    tags = new Dictionary<string, string>(table.Tags, StringComparer.Ordinal);
                    items = [.. table.Items.ScanPartitions(null, 0, ulong.MaxValue).SelectMany(p => p.Items.Values).Select(i => i.Attributes)];
                }

                var definition = table.Definition;
                Frame(file, w => StateEntries.WriteTable(w, definition, tags));
                foreach (var item in items)
                {
                    Frame(file, w => StateEntries.WriteItem(w, EntryTypes.Item, definition.Region, definition.Name, item));
                }
            }

            foreach (var stream in streams.ListAll())
            {
                Frame(file, w => StateEntries.WriteTyped(w, EntryTypes.Stream, stream.ExportState()));
                foreach (var record in stream.ExportRecords())
                {
                    Frame(file, w => StateEntries.WriteRecord(w, stream.Arn, record));
                }
            }

            foreach (var setting in ttl.ListAll())
            {
                Frame(file, w => StateEntries.WriteTyped(w, EntryTypes.Ttl, setting));
            }

            foreach (var queue in queues.ListAll())
            {
                Frame(file, w => StateEntries.WriteTyped(w, EntryTypes.Queue, queue.ExportState()));
            }

            foreach (var (key, value) in keys.Export())
            {
                Frame(file, w => StateEntries.WriteKeyValue(w, key, value));
            }

            Frame(file, StateEntries.WriteEnd);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);

        // The rename is durable only once the directory is: the caller deletes the older files after this returns.
        DirectorySync.Flush(directory);
        return new FileInfo(path).Length;
    }

    private static void Frame(FileStream file, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            write(writer);
        }

        WalFrames.Write(file, buffer.WrittenSpan);
    }
}
