using System.Diagnostics;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.DynamoDb.Tables;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Streams.Storage;

namespace DynamoStreams.Emulator.Streams.Capture;

/// <summary>
/// Turns every committed item change into a stream record (spec A.3/A.4) and follows table lifecycle changes to
/// create, close and disable streams. Runs on the write path, under the table's lock, before the response is sent.
/// </summary>
internal sealed class StreamCapture : IItemChangeObserver, ITableChangeObserver
{
    private readonly StreamStore _store;
    private readonly CurrentRequest _httpContext;
    private readonly Persistence.PersistenceGate _persistence;

    public StreamCapture(StreamStore store, CurrentRequest httpContext, Persistence.PersistenceGate persistence)
    {
        _store = store;
        _httpContext = httpContext;
        _persistence = persistence;
    }

    public void OnItemChanging(ItemChange change)
    {
        var stream = change.Table.Stream;
        if (_persistence.IsRestoring || change.Kind == ItemChangeKind.None || !stream.Enabled || stream.LatestStreamArn is null)
        {
            return;
        }

        var viewType = stream.ViewType ?? "KEYS_ONLY";
        var (eventName, includeNew, includeOld) = (change.Kind, viewType) switch
        {
            (ItemChangeKind.Insert, "NEW_IMAGE" or "NEW_AND_OLD_IMAGES") => ("INSERT", true, false),
            (ItemChangeKind.Insert, _) => ("INSERT", false, false),
            (ItemChangeKind.Modify, "NEW_IMAGE") => ("MODIFY", true, false),
            (ItemChangeKind.Modify, "OLD_IMAGE") => ("MODIFY", false, true),
            (ItemChangeKind.Modify, "NEW_AND_OLD_IMAGES") => ("MODIFY", true, true),
            (ItemChangeKind.Modify, _) => ("MODIFY", false, false),
            (ItemChangeKind.Remove, "OLD_IMAGE" or "NEW_AND_OLD_IMAGES") => ("REMOVE", false, true),
            _ => ("REMOVE", false, false),
        };
        var keys = KeysOf(change);
        var newImage = includeNew ? change.NewItem : null;
        var oldImage = includeOld ? change.OldItem : null;
        // The items' sizes were counted when they were stored: counting them again was a tenth of the capture's cost.
        var size = keys.Size + (newImage is null ? 0 : change.NewItemSize) + (oldImage is null ? 0 : change.OldItemSize);

        _store.Append(stream.LatestStreamArn, new StreamRecordDraft
        {
            EventName = eventName,
            PartitionKey = CanonicalKey(change.Keys[change.Table.KeySchema.HashKey.Name]),
            Keys = keys,
            NewImage = newImage,
            OldImage = oldImage,
            SizeBytes = Math.Max(1, size),
            IsServiceWrite = change.Origin == WriteOrigin.Service,
            TraceContext = CaptureTrace(),
        });
    }

    public void OnTableCreated(TableDefinition table)
    {
        if (_persistence.IsRestoring)
        {
            return;
        }

        if (table.Stream is { Enabled: true, LatestStreamArn: not null })
        {
            Create(table);
        }
    }

    public void OnTableUpdated(TableDefinition before, TableDefinition after)
    {
        if (_persistence.IsRestoring)
        {
            return;
        }

        if (before.Stream is { Enabled: true, LatestStreamArn: { } oldArn } && (!after.Stream.Enabled || after.Stream.LatestStreamArn != oldArn))
        {
            _store.DisableStream(oldArn);
        }

        if (after.Stream is { Enabled: true, LatestStreamArn: { } newArn } && newArn != before.Stream.LatestStreamArn)
        {
            Create(after);
        }
    }

    public void OnTableDeleted(TableDefinition table)
    {
        if (_persistence.IsRestoring)
        {
            return;
        }

        if (table.Stream is { Enabled: true, LatestStreamArn: { } arn })
        {
            _store.DisableStream(arn);
        }
    }

    /// <summary>Converts a partition key value to text: S as is, N in canonical form, B as base64.</summary>
    internal static string CanonicalKey(AttributeValue value) => value.Type switch
    {
        AttributeValueType.S => value.AsString(),
        AttributeValueType.N => value.AsNumber().ToString(),
        AttributeValueType.B => Convert.ToBase64String(value.AsBinary().Span),
        _ => value.ToString(),
    };

    private void Create(TableDefinition table) => _store.CreateStream(new StreamIdentity(
        table.Stream.LatestStreamArn!,
        table.Stream.LatestStreamLabel!,
        table.Region,
        table.Name,
        table.Stream.ViewType ?? "KEYS_ONLY",
        table.KeySchema.HashKey.Name,
        table.KeySchema.RangeKey?.Name,
        _store.TimeProvider.GetUtcNow()));

    private static StreamRecordKeys KeysOf(ItemChange change)
    {
        var schema = change.Table.KeySchema;
        var hash = schema.HashKey.Name;
        return schema.RangeKey is { } range
            ? new StreamRecordKeys(hash, change.Keys[hash], range.Name, change.Keys[range.Name])
            : new StreamRecordKeys(hash, change.Keys[hash]);
    }

    /// <summary>Captures the writer's trace: the current activity, else the request's trace headers.</summary>
    private StreamTraceContext? CaptureTrace()
    {
        var headers = _httpContext.HttpContext?.Request.Headers;
        var amzn = headers?["X-Amzn-Trace-Id"].ToString();
        var activity = Activity.Current;
        if (activity is { IdFormat: ActivityIdFormat.W3C })
        {
            return new StreamTraceContext(activity.Id, activity.TraceStateString, string.IsNullOrEmpty(amzn) ? null : amzn);
        }

        if (headers is null)
        {
            return null;
        }

        var parent = headers["traceparent"].ToString();
        var state = headers["tracestate"].ToString();
        return parent.Length == 0 && string.IsNullOrEmpty(amzn)
            ? null
            : new StreamTraceContext(parent.Length == 0 ? null : parent, state.Length == 0 ? null : state, string.IsNullOrEmpty(amzn) ? null : amzn);
    }
}
