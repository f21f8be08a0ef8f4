using System.Globalization;
using System.Text.Json;

namespace DynamoStreams.Emulator.Streams.Api;

/// <summary>
/// Implements the DynamoDB Streams API (<c>DynamoDBStreams_20120810</c>): ListStreams, DescribeStream,
/// GetShardIterator and GetRecords over the <see cref="StreamStore"/>.
/// </summary>
public sealed class StreamsOperations
{
    /// <summary>The <c>X-Amz-Target</c> prefix of the Streams API.</summary>
    public const string TargetPrefix = "DynamoDBStreams_20120810";

    private readonly StreamStore _store;

    /// <summary>Creates the operations over a store.</summary>
    /// <param name="store">The streams.</param>
    public StreamsOperations(StreamStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Gets the operation names served.</summary>
    public static IReadOnlyList<string> OperationNames { get; } = ["ListStreams", "DescribeStream", "GetShardIterator", "GetRecords"];

    /// <summary>Runs one operation and writes its response object.</summary>
    /// <param name="operation">The operation name.</param>
    /// <param name="body">The request body.</param>
    /// <param name="region">The request's region.</param>
    /// <param name="writer">The writer of the response body.</param>
    /// <exception cref="StreamsException">The request fails.</exception>
    public void Execute(string operation, JsonElement body, string region, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var request = new StreamsRequest(body);
        writer.WriteStartObject();
        switch (operation)
        {
            case "ListStreams": ListStreams(request, region, writer); break;
            case "DescribeStream": DescribeStream(request, writer); break;
            case "GetShardIterator": GetShardIterator(request, writer); break;
            case "GetRecords": GetRecords(request, body, writer); break;
            default: throw new StreamsException("UnknownOperationException", $"Unknown operation {operation}.");
        }

        writer.WriteEndObject();
    }

    private void ListStreams(StreamsRequest request, string region, Utf8JsonWriter writer)
    {
        var limit = request.Limit(100) ?? 100;
        var streams = _store.List(region, request.Optional("TableName"));
        var start = 0;
        if (request.Optional("ExclusiveStartStreamArn") is { } exclusiveStart)
        {
            start = streams.ToList().FindIndex(s => s.Arn == exclusiveStart) + 1;
            if (start == 0)
            {
                throw StreamsException.StreamNotFound(exclusiveStart);
            }
        }

        var page = streams.Skip(start).Take(limit).ToList();
        writer.WriteStartArray("Streams");
        foreach (var stream in page)
        {
            writer.WriteStartObject();
            writer.WriteString("StreamArn", stream.Arn);
            writer.WriteString("TableName", stream.Identity.TableName);
            writer.WriteString("StreamLabel", stream.Identity.StreamLabel);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (start + page.Count < streams.Count)
        {
            writer.WriteString("LastEvaluatedStreamArn", page[^1].Arn);
        }
    }

    private void DescribeStream(StreamsRequest request, Utf8JsonWriter writer)
    {
        var arn = request.Required("StreamArn");
        var limit = request.Limit(100) ?? 100;
        var info = _store.DescribeStream(arn);
        IEnumerable<StreamShardInfo> shards = info.Shards;
        if (request.Object("ShardFilter") is { } filter)
        {
            var type = filter.TryGetProperty("Type", out var t) ? t.GetString() : null;
            var parent = filter.TryGetProperty("ShardId", out var s) ? s.GetString() : null;
            if (type != "CHILD_SHARDS" || string.IsNullOrEmpty(parent))
            {
                throw StreamsException.Validation("ShardFilter requires Type CHILD_SHARDS and a ShardId.");
            }

            shards = shards.Where(shard => shard.ParentShardId == parent);
        }

        if (request.Optional("ExclusiveStartShardId") is { } exclusiveStart)
        {
            shards = shards.SkipWhile(shard => shard.ShardId != exclusiveStart).Skip(1);
        }

        var remaining = shards.ToList();
        var page = remaining.Take(limit).ToList();
        writer.WriteStartObject("StreamDescription");
        writer.WriteString("StreamArn", info.StreamArn);
        writer.WriteString("StreamLabel", info.StreamLabel);
        writer.WriteString("StreamStatus", info.StreamStatus);
        writer.WriteString("StreamViewType", info.StreamViewType);
        writer.WriteNumber("CreationRequestDateTime", info.CreationRequestDateTime.ToUnixTimeMilliseconds() / 1000.0);
        writer.WriteString("TableName", info.TableName);
        writer.WriteStartArray("KeySchema");
        WriteKey(writer, info.HashKeyName, "HASH");
        if (info.RangeKeyName is { } range)
        {
            WriteKey(writer, range, "RANGE");
        }

        writer.WriteEndArray();
        writer.WriteStartArray("Shards");
        foreach (var shard in page)
        {
            writer.WriteStartObject();
            writer.WriteString("ShardId", shard.ShardId);
            if (shard.ParentShardId is { } parentId)
            {
                writer.WriteString("ParentShardId", parentId);
            }

            writer.WriteStartObject("SequenceNumberRange");
            writer.WriteString("StartingSequenceNumber", shard.StartingSequenceNumber);
            if (shard.EndingSequenceNumber is { } ending)
            {
                writer.WriteString("EndingSequenceNumber", ending);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (page.Count < remaining.Count)
        {
            writer.WriteString("LastEvaluatedShardId", page[^1].ShardId);
        }

        writer.WriteEndObject();
    }

    private void GetShardIterator(StreamsRequest request, Utf8JsonWriter writer)
    {
        var arn = request.Required("StreamArn");
        var shardId = request.Required("ShardId");
        var type = request.Required("ShardIteratorType");
        var sequenceNumber = request.Optional("SequenceNumber");
        var position = type switch
        {
            "TRIM_HORIZON" => StreamPosition.TrimHorizon,
            "LATEST" => StreamPosition.Latest,
            "AT_SEQUENCE_NUMBER" => StreamPosition.At(sequenceNumber ?? throw MissingSequenceNumber(type)),
            "AFTER_SEQUENCE_NUMBER" => StreamPosition.After(sequenceNumber ?? throw MissingSequenceNumber(type)),
            _ => throw StreamsException.Validation(
                $"1 validation error detected: Value '{type}' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]"),
        };
        var stream = _store.Get(arn);
        var now = _store.TimeProvider.GetUtcNow();
        var after = stream.WithShard(shardId, now, shard => StreamStore.ResolvePosition(stream, shard, position));
        writer.WriteString("ShardIterator", ShardIteratorCodec.Encode(arn, shardId, after, now));
    }

    private void GetRecords(StreamsRequest request, JsonElement body, Utf8JsonWriter writer)
    {
        var iterator = request.Required("ShardIterator");
        if (body.TryGetProperty("Limit", out var rawLimit) && rawLimit.ValueKind == JsonValueKind.Number
            && rawLimit.TryGetInt32(out var asked) && asked > 1000)
        {
            throw new StreamsException("LimitExceededException",
                string.Create(CultureInfo.InvariantCulture, $"Limit {asked} exceeds the maximum of 1000 records per GetRecords call."));
        }

        var limit = request.Limit(1000) ?? 1000;
        if (iterator.Length > 2048 || !ShardIteratorCodec.TryDecode(iterator, out var arn, out var shardId, out var after, out var issuedAt))
        {
            throw StreamsException.Validation("Invalid ShardIterator");
        }

        var now = _store.TimeProvider.GetUtcNow();
        if (now - issuedAt > _store.Options.IteratorLifetime)
        {
            throw new StreamsException("ExpiredIteratorException", string.Create(CultureInfo.InvariantCulture,
                $"Iterator expired. The iterator was created at time {FormatTime(issuedAt)} while right now it is {FormatTime(now)} which is further in the future than the tolerated delay of {(long)_store.Options.IteratorLifetime.TotalMilliseconds} milliseconds."));
        }

        var stream = _store.Get(arn);
        var (records, last, _, drained) = stream.WithShard(shardId, now,
            shard => StreamStore.ReadLocked(shard, after, limit, StreamStore.MaxReadBytes));
        writer.WriteStartArray("Records");
        foreach (var record in records)
        {
            writer.WriteRawValue(record.Json.Span, skipInputValidation: true);
        }

        writer.WriteEndArray();
        if (!drained)
        {
            writer.WriteString("NextShardIterator", ShardIteratorCodec.Encode(arn, shardId, last, now));
        }
    }

    private static StreamsException MissingSequenceNumber(string type) =>
        StreamsException.Validation($"SequenceNumber is required when ShardIteratorType is {type}.");

    private static void WriteKey(Utf8JsonWriter writer, string name, string keyType)
    {
        writer.WriteStartObject();
        writer.WriteString("AttributeName", name);
        writer.WriteString("KeyType", keyType);
        writer.WriteEndObject();
    }

    private static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);
}
