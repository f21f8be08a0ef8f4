using System.Diagnostics;
using DynamoStreams.Emulator.Model;
using DynamoStreams.Emulator.Storage;
using DynamoStreams.Emulator.Tables;

namespace DynamoStreams.Emulator.Streams.Capture;

/// <summary>
/// Turns every committed item change into a stream record (spec A.3/A.4) and follows table lifecycle changes to
/// create, close and disable streams. Runs on the write path, under the table's lock, before the response is sent.
/// </summary>
internal sealed class StreamCapture : IItemChangeObserver, ITableChangeObserver
{
    private readonly StreamStore _store;
    private readonly IHttpContextAccessor _httpContext;
    private readonly Persistence.PersistenceGate _persistence;

    public StreamCapture(StreamStore store, IHttpContextAccessor httpContext, Persistence.PersistenceGate persistence)
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
        var keys = OrderedKeys(change);
        var size = ItemSize.Of(keys);
        byte[]? newImage = null;
        byte[]? oldImage = null;
        if (includeNew && change.NewItem is { } newItem)
        {
            newImage = Render(newItem);
            size += ItemSize.Of(newItem);
        }

        if (includeOld && change.OldItem is { } oldItem)
        {
            oldImage = Render(oldItem);
            size += ItemSize.Of(oldItem);
        }

        _store.Append(stream.LatestStreamArn, new StreamRecordDraft
        {
            EventName = eventName,
            PartitionKey = CanonicalKey(change.Keys[change.Table.KeySchema.HashKey.Name]),
            KeysJson = Render(keys),
            NewImageJson = newImage,
            OldImageJson = oldImage,
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

    /// <summary>Orders the key attributes hash first, as DynamoDB writes <c>Keys</c>.</summary>
    private static Dictionary<string, AttributeValue> OrderedKeys(ItemChange change)
    {
        var schema = change.Table.KeySchema;
        var keys = new Dictionary<string, AttributeValue>(2, StringComparer.Ordinal)
        {
            [schema.HashKey.Name] = change.Keys[schema.HashKey.Name],
        };
        if (schema.RangeKey is { } range)
        {
            keys[range.Name] = change.Keys[range.Name];
        }

        return keys;
    }

    private static byte[] Render(IReadOnlyDictionary<string, AttributeValue> item) =>
        RecordBuffers.Render(item, static (writer, value) => AttributeValueWriter.WriteItem(writer, value));

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
