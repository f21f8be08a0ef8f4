using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DynamoStreams.LocalLambda.EventSourceMapping.StreamSources.Http;

/// <summary>
/// Reads a stream through the DynamoDB Streams HTTP API (any endpoint: the emulator, DynamoDB Local, AWS). Idle
/// shards are polled every <see cref="PollInterval"/> (AWS polls each shard four times a second).
/// </summary>
/// <param name="client">The Streams client.</param>
/// <param name="time">The clock for poll waits.</param>
public sealed class HttpStreamSource(DynamoDbStreamsClient client, TimeProvider? time = null) : IStreamSource
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, string> _hashKeys = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the wait between reads of an idle shard (default 250 ms, AWS's rate).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <inheritdoc />
    public async Task<IReadOnlyList<StreamShard>> DescribeShardsAsync(string streamArn, CancellationToken cancellationToken)
    {
        var shards = new List<StreamShard>();
        string? start = null;
        do
        {
            var description = await client.DescribeStreamAsync(streamArn, start, cancellationToken).ConfigureAwait(false);
            if (description.TryGetProperty("KeySchema", out var schema))
            {
                var hash = schema.EnumerateArray().FirstOrDefault(k => k.GetProperty("KeyType").GetString() == "HASH");
                if (hash.ValueKind == JsonValueKind.Object)
                {
                    _hashKeys[streamArn] = hash.GetProperty("AttributeName").GetString()!;
                }
            }

            foreach (var shard in description.GetProperty("Shards").EnumerateArray())
            {
                var range = shard.GetProperty("SequenceNumberRange");
                shards.Add(new StreamShard(
                    shard.GetProperty("ShardId").GetString()!,
                    shard.TryGetProperty("ParentShardId", out var parent) ? parent.GetString() : null,
                    range.TryGetProperty("StartingSequenceNumber", out var first) ? first.GetString() : null,
                    range.TryGetProperty("EndingSequenceNumber", out var last) ? last.GetString() : null));
            }

            start = description.TryGetProperty("LastEvaluatedShardId", out var next) ? next.GetString() : null;
        }
        while (start is not null);

        return shards;
    }

    /// <inheritdoc />
    public async Task<string?> GetLastSequenceNumberAsync(string streamArn, string shardId, CancellationToken cancellationToken)
    {
        // The API has no "newest record" call: read the shard once to its tip (done only when a LATEST mapping first starts).
        var reader = await OpenShardAsync(streamArn, shardId, ShardPosition.TrimHorizon, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            string? last = null;
            while (true)
            {
                var page = await reader.ReadAsync(1000, cancellationToken).ConfigureAwait(false);
                if (page.Records.Count > 0)
                {
                    last = page.Records[^1].SequenceNumber;
                }

                if (page.Records.Count == 0 || page.EndOfShard)
                {
                    return last;
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task<IShardReader> OpenShardAsync(string streamArn, string shardId, ShardPosition position, CancellationToken cancellationToken)
    {
        if (!_hashKeys.ContainsKey(streamArn))
        {
            await DescribeShardsAsync(streamArn, cancellationToken).ConfigureAwait(false);
        }

        var reader = new Reader(this, streamArn, shardId, position);
        await reader.OpenAsync(cancellationToken).ConfigureAwait(false);
        return reader;
    }

    private StreamRecord ToRecord(string streamArn, JsonElement raw)
    {
        var node = JsonNode.Parse(raw.GetRawText())!.AsObject();

        // GetRecords spells userIdentity's members PrincipalId/Type; Lambda events spell them principalId/type.
        if (node["userIdentity"] is JsonObject identity)
        {
            node["userIdentity"] = new JsonObject
            {
                ["type"] = (identity["Type"] ?? identity["type"])?.DeepClone(),
                ["principalId"] = (identity["PrincipalId"] ?? identity["principalId"])?.DeepClone(),
            };
        }

        var dynamodb = raw.GetProperty("dynamodb");
        var keys = dynamodb.GetProperty("Keys");
        var partitionKey = _hashKeys.TryGetValue(streamArn, out var hashKey) && keys.TryGetProperty(hashKey, out var key)
            ? key.GetRawText()
            : keys.GetRawText();
        var created = dynamodb.TryGetProperty("ApproximateCreationDateTime", out var when) && when.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(when.GetDouble() * 1000))
            : _time.GetUtcNow();
        return new StreamRecord
        {
            SequenceNumber = dynamodb.GetProperty("SequenceNumber").GetString()!,
            ApproximateCreationDateTime = created,
            EventName = raw.GetProperty("eventName").GetString()!,
            PartitionKey = partitionKey,
            SizeBytes = dynamodb.TryGetProperty("SizeBytes", out var size) ? size.GetInt32() : 0,
            Json = JsonSerializer.SerializeToUtf8Bytes(node),
        };
    }

    private sealed class Reader(HttpStreamSource source, string streamArn, string shardId, ShardPosition position) : IShardReader
    {
        private string? _iterator;
        private string? _lastSequenceNumber;
        private bool _drained;

        public async Task OpenAsync(CancellationToken cancellationToken)
        {
            try
            {
                _iterator = await source.GetIteratorAsync(streamArn, shardId, position, cancellationToken).ConfigureAwait(false);
            }
            catch (DynamoDbStreamsException ex) when (ex.ErrorCode == "TrimmedDataAccessException")
            {
                // The position is older than the stream's retention: continue from the oldest record still kept.
                _iterator = await source.GetIteratorAsync(streamArn, shardId, ShardPosition.TrimHorizon, cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task<ShardReadResult> ReadAsync(int limit, CancellationToken cancellationToken)
        {
            if (_drained || _iterator is null)
            {
                return new ShardReadResult([], true);
            }

            IReadOnlyList<JsonElement> raw;
            string? next;
            try
            {
                (raw, next) = await source.GetRecordsAsync(_iterator, limit, cancellationToken).ConfigureAwait(false);
            }
            catch (DynamoDbStreamsException ex) when (ex.ErrorCode is "ExpiredIteratorException" or "TrimmedDataAccessException")
            {
                var resume = ex.ErrorCode == "TrimmedDataAccessException" ? ShardPosition.TrimHorizon
                    : _lastSequenceNumber is null ? position : ShardPosition.After(_lastSequenceNumber);
                _iterator = await source.GetIteratorAsync(streamArn, shardId, resume, cancellationToken).ConfigureAwait(false);
                return new ShardReadResult([], false);
            }

            var records = raw.Select(r => source.ToRecord(streamArn, r)).ToList();
            if (records.Count > 0)
            {
                _lastSequenceNumber = records[^1].SequenceNumber;
            }

            _iterator = next;
            _drained = next is null;
            return new ShardReadResult(records, _drained);
        }

        public Task WaitForRecordsAsync(CancellationToken cancellationToken) =>
            _drained ? Task.CompletedTask : Task.Delay(source.PollInterval, source._time, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private Task<string> GetIteratorAsync(string streamArn, string shardId, ShardPosition position, CancellationToken cancellationToken) =>
        client.GetShardIteratorAsync(streamArn, shardId, position, cancellationToken);

    private Task<(IReadOnlyList<JsonElement> Records, string? NextShardIterator)> GetRecordsAsync(string iterator, int limit, CancellationToken cancellationToken) =>
        client.GetRecordsAsync(iterator, limit, cancellationToken);
}
