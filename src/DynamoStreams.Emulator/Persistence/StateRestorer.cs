using System.Text;
using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.DynamoDb.Tables;
using DynamoStreams.Emulator.DynamoDb.Ttl;
using DynamoStreams.Emulator.Sqs.Storage;
using DynamoStreams.Emulator.Streams;
using DynamoStreams.Emulator.Streams.Storage;

namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// Applies log entries to the in-memory state. Every entry is idempotent (full images, upserts, records skipped
/// when their shard already holds them), so a snapshot taken while writes continued plus the log after it
/// converge on the state at the end of the log.
/// </summary>
internal sealed class StateRestorer(ITableStore tables, StreamStore streams, TtlRegistry ttl, SqsQueueStore queues, DurableStore keys)
{
    private const string ServiceIdentityWire = "\"userIdentity\":{\"PrincipalId\":\"dynamodb.amazonaws.com\",\"Type\":\"Service\"}";
    private const string ServiceIdentityEvent = "\"userIdentity\":{\"principalId\":\"dynamodb.amazonaws.com\",\"type\":\"Service\"}";

    /// <summary>Applies one entry; returns <see langword="false"/> for the snapshot end marker.</summary>
    public bool Apply(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        return Apply(document.RootElement);
    }

    private bool Apply(JsonElement entry)
    {
        switch (entry.GetProperty("t").GetString())
        {
            case EntryTypes.Unit: ApplyUnit(entry); break;
            case EntryTypes.Table: RestoreTable(entry); break;
            case EntryTypes.TableDeleted: tables.Delete(entry.GetProperty("r").GetString()!, entry.GetProperty("n").GetString()!); break;
            case EntryTypes.Item: RestoreItem(entry, delete: false); break;
            case EntryTypes.ItemDeleted: RestoreItem(entry, delete: true); break;
            case EntryTypes.Stream: streams.RestoreStream(entry.GetProperty("d").Deserialize<StreamStateSnapshot>(StateJournal.SerializerOptions)!); break;
            case EntryTypes.Record: RestoreRecord(entry); break;
            case EntryTypes.Ttl: ttl.Set(entry.GetProperty("d").Deserialize<TtlSetting>(StateJournal.SerializerOptions)!); break;
            case EntryTypes.TtlDeleted: ttl.Remove(entry.GetProperty("r").GetString()!, entry.GetProperty("n").GetString()!); break;
            case EntryTypes.Queue: queues.Restore(entry.GetProperty("d").Deserialize<SqsQueueState>(StateJournal.SerializerOptions)!); break;
            case EntryTypes.QueueDeleted: queues.RestoreDeletion(entry.GetProperty("r").GetString()!, entry.GetProperty("n").GetString()!); break;
            case EntryTypes.QueueMeta: queues.RestoreUpdate(entry.GetProperty("d").Deserialize<SqsQueueState>(StateJournal.SerializerOptions)!); break;
            case EntryTypes.QueueMessage: queues.RestoreMessage(entry.GetProperty("d").Deserialize<SqsMessageEntry>(StateJournal.SerializerOptions)!); break;
            case EntryTypes.QueueMessageDeleted: queues.RestoreMessageDeletion(entry.GetProperty("d").Deserialize<SqsMessageDeletion>(StateJournal.SerializerOptions)!); break;
            case EntryTypes.QueuePurged: queues.RestorePurge(entry.GetProperty("d").Deserialize<SqsQueuePurge>(StateJournal.SerializerOptions)!); break;
            case EntryTypes.KeyValue: keys.Restore(entry.GetProperty("k").GetString()!, entry.GetProperty("v").GetString()); break;
            case EntryTypes.KeyValueDeleted: keys.Restore(entry.GetProperty("k").GetString()!, null); break;
            case EntryTypes.End: return false;
            default: throw new InvalidDataException($"Unknown log entry type '{entry.GetProperty("t").GetString()}'.");
        }

        return true;
    }

    /// <summary>Applies the entries of one atomic write (an item and its record, or a transaction) in order.</summary>
    private void ApplyUnit(JsonElement unit)
    {
        foreach (var entry in unit.GetProperty("e").EnumerateArray())
        {
            Apply(entry);
        }
    }

    private void RestoreTable(JsonElement entry)
    {
        var definition = entry.GetProperty("def").Deserialize<TableDefinition>(StateJournal.SerializerOptions)!;
        var tags = entry.GetProperty("tags").Deserialize<Dictionary<string, string>>(StateJournal.SerializerOptions)!;
        var table = tables.Find(definition.Region, definition.Name);
        if (table is null)
        {
            table = tables.Create(definition);
        }
        else
        {
            tables.Update(table, _ => definition);
        }

        lock (table.SyncRoot)
        {
            table.Tags.Clear();
            foreach (var (key, value) in tags)
            {
                table.Tags[key] = value;
            }
        }
    }

    private void RestoreItem(JsonElement entry, bool delete)
    {
        var table = tables.Find(entry.GetProperty("r").GetString()!, entry.GetProperty("n").GetString()!);
        if (table is null)
        {
            return;
        }

        var attributes = AttributeValueReader.ReadItem(entry.GetProperty("i"));
        var schema = table.Definition.KeySchema;
        var key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [schema.HashKey.Name] = attributes[schema.HashKey.Name] };
        if (schema.RangeKey is { } range)
        {
            key[range.Name] = attributes[range.Name];
        }

        lock (table.SyncRoot)
        {
            var old = table.Get(key);
            if (delete && old is null)
            {
                return;
            }

            table.Commit(key, old, delete ? null : new StoredItem(attributes, (int)ItemSize.Of(attributes)), WriteOrigin.User);
        }
    }

    private void RestoreRecord(JsonElement entry)
    {
        var counter = entry.GetProperty("c").GetInt64();
        var json = Encoding.UTF8.GetBytes(entry.GetProperty("j").GetRawText());
        var isService = entry.GetProperty("svc").GetBoolean();
        StreamTraceContext? trace = entry.TryGetProperty("tp", out var parent)
            ? new StreamTraceContext(parent.GetString(), entry.GetProperty("ts").GetString(), entry.GetProperty("ax").GetString())
            : null;
        streams.RestoreRecord(entry.GetProperty("a").GetString()!, new StreamRecord
        {
            Counter = counter,
            ShardId = entry.GetProperty("s").GetString()!,
            EventGuid = Guid.ParseExact(entry.GetProperty("e").GetString()!, "N"),
            EventName = entry.GetProperty("en").GetString()!,
            ApproximateCreationDateTime = DateTimeOffset.FromUnixTimeMilliseconds(entry.GetProperty("at").GetInt64()),
            PartitionKey = entry.GetProperty("pk").GetString()!,
            SizeBytes = entry.GetProperty("sz").GetInt64(),
            IsServiceWrite = isService,
            Json = json,
            EventJson = isService ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json).Replace(ServiceIdentityWire, ServiceIdentityEvent, StringComparison.Ordinal)) : json,
            TraceContext = trace,
        });
    }
}
