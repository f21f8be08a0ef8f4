using System.Globalization;
using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Streams.Storage;

namespace DynamoStreams.Emulator.Streams.Operations;

/// <summary>Serves <c>DynamoDBStreams_20120810.GetRecords</c>: a page of records from an iterator, and the next iterator while the shard is open.</summary>
/// <param name="store">The streams.</param>
internal sealed class GetRecordsOperation(StreamStore store) : StreamsOperation("GetRecords", store)
{
    /// <inheritdoc/>
    protected override void Execute(StreamsRequest members, AwsRequest request, Utf8JsonWriter response)
    {
        var iterator = members.String("ShardIterator", 1, 2048, required: true)!;
        if (request.Body.TryGetProperty("Limit", out var rawLimit) && rawLimit.ValueKind == JsonValueKind.Number
            && rawLimit.TryGetInt32(out var asked) && asked > 1000)
        {
            throw new StreamsException("LimitExceededException",
                string.Create(CultureInfo.InvariantCulture, $"Limit {asked} exceeds the maximum of 1000 records per GetRecords call."));
        }

        var limit = members.Limit(1000) ?? 1000;
        members.ThrowIfInvalid();
        if (!ShardIteratorCodec.TryDecode(iterator, out var arn, out var shardId, out var after, out var issuedAt))
        {
            throw StreamsException.Validation("Invalid ShardIterator");
        }

        var now = Store.TimeProvider.GetUtcNow();
        if (now - issuedAt > Store.Options.IteratorLifetime)
        {
            throw new StreamsException("ExpiredIteratorException", string.Create(CultureInfo.InvariantCulture,
                $"Iterator expired. The iterator was created at time {FormatTime(issuedAt)} while right now it is {FormatTime(now)} which is further in the future than the tolerated delay of {(long)Store.Options.IteratorLifetime.TotalMilliseconds} milliseconds."));
        }

        var stream = Store.Get(arn);
        var (records, last, _, drained) = stream.WithShard(shardId, now,
            shard => StreamStore.ReadLocked(shard, after, limit, StreamStore.MaxReadBytes));
        response.WriteStartArray("Records");
        foreach (var record in records)
        {
            response.WriteRawValue(record.Json.Span, skipInputValidation: true);
        }

        response.WriteEndArray();
        if (!drained)
        {
            response.WriteString("NextShardIterator", ShardIteratorCodec.Encode(arn, shardId, last, now));
        }
    }

    private static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);
}
