using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Streams.Storage;

namespace DynamoStreams.Emulator.Streams.Operations;

/// <summary>Serves <c>DynamoDBStreams_20120810.GetShardIterator</c>: an iterator at a position in a shard.</summary>
/// <param name="store">The streams.</param>
internal sealed class GetShardIteratorOperation(StreamStore store) : StreamsOperation("GetShardIterator", store)
{
    private static readonly string[] s_types = ["AFTER_SEQUENCE_NUMBER", "LATEST", "AT_SEQUENCE_NUMBER", "TRIM_HORIZON"];

    /// <inheritdoc/>
    protected override void Execute(StreamsRequest members, AwsRequest request, Utf8JsonWriter response)
    {
        var arn = members.String("StreamArn", StreamsRequest.MinArn, StreamsRequest.MaxArn, required: true)!;
        var shardId = members.String("ShardId", StreamsRequest.MinShardId, StreamsRequest.MaxShardId, required: true)!;
        var type = members.Enum("ShardIteratorType", required: true, s_types)!;
        var sequenceNumber = members.String("SequenceNumber", 21, 40);
        members.ThrowIfInvalid();
        StreamArns.CheckWellFormed(arn);
        var position = type switch
        {
            "TRIM_HORIZON" => StreamPosition.TrimHorizon,
            "LATEST" => StreamPosition.Latest,
            "AT_SEQUENCE_NUMBER" => StreamPosition.At(sequenceNumber ?? throw MissingSequenceNumber(type)),
            "AFTER_SEQUENCE_NUMBER" => StreamPosition.After(sequenceNumber ?? throw MissingSequenceNumber(type)),
            _ => throw new InvalidOperationException("The iterator type was checked against the enum."),
        };
        var stream = Store.Get(arn);
        var now = Store.TimeProvider.GetUtcNow();
        var after = stream.WithShard(shardId, now, shard => StreamStore.ResolvePosition(stream, shard, position));
        response.WriteString("ShardIterator", ShardIteratorCodec.Encode(arn, shardId, after, now));
    }

    private static StreamsException MissingSequenceNumber(string type) =>
        StreamsException.Validation($"SequenceNumber is required when ShardIteratorType is {type}.");
}
