using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Streams.Storage;

namespace DynamoStreams.Emulator.Streams.Operations;

/// <summary>Serves <c>DynamoDBStreams_20120810.DescribeStream</c>: the stream, its key schema and a page of its shards.</summary>
/// <param name="store">The streams.</param>
internal sealed class DescribeStreamOperation(StreamStore store) : StreamsOperation("DescribeStream", store)
{
    /// <inheritdoc/>
    protected override void Execute(StreamsRequest members, AwsRequest request, Utf8JsonWriter response)
    {
        var arn = members.String("StreamArn", StreamsRequest.MinArn, StreamsRequest.MaxArn, required: true)!;
        var limit = members.Limit(100) ?? 100;
        var exclusiveStart = members.String("ExclusiveStartShardId", StreamsRequest.MinShardId, StreamsRequest.MaxShardId);
        string? type = null, parent = null;
        var filter = members.Object("ShardFilter");
        if (filter is { } filterElement)
        {
            type = members.Enum("Type", required: false, ["CHILD_SHARDS"], filterElement, "shardFilter.");
            parent = members.String("ShardId", StreamsRequest.MinShardId, StreamsRequest.MaxShardId, parent: filterElement, pathPrefix: "shardFilter.");
        }

        members.ThrowIfInvalid();
        StreamArns.CheckWellFormed(arn);
        var info = Store.DescribeStream(arn);
        IEnumerable<StreamShardInfo> shards = info.Shards;
        if (filter is not null)
        {
            if (type is null || parent is null)
            {
                throw StreamsException.Validation("ShardFilter requires Type CHILD_SHARDS and a ShardId.");
            }

            shards = shards.Where(shard => shard.ParentShardId == parent);
        }

        if (exclusiveStart is not null)
        {
            shards = shards.SkipWhile(shard => shard.ShardId != exclusiveStart).Skip(1);
        }

        var remaining = shards.ToList();
        var page = remaining.Take(limit).ToList();
        response.WriteStartObject("StreamDescription");
        response.WriteString("StreamArn", info.StreamArn);
        response.WriteString("StreamLabel", info.StreamLabel);
        response.WriteString("StreamStatus", info.StreamStatus);
        response.WriteString("StreamViewType", info.StreamViewType);
        response.WriteNumber("CreationRequestDateTime", info.CreationRequestDateTime.ToUnixTimeMilliseconds() / 1000.0);
        response.WriteString("TableName", info.TableName);
        response.WriteStartArray("KeySchema");
        WriteKey(response, info.HashKeyName, "HASH");
        if (info.RangeKeyName is { } range)
        {
            WriteKey(response, range, "RANGE");
        }

        response.WriteEndArray();
        response.WriteStartArray("Shards");
        foreach (var shard in page)
        {
            response.WriteStartObject();
            response.WriteString("ShardId", shard.ShardId);
            if (shard.ParentShardId is { } parentId)
            {
                response.WriteString("ParentShardId", parentId);
            }

            response.WriteStartObject("SequenceNumberRange");
            response.WriteString("StartingSequenceNumber", shard.StartingSequenceNumber);
            if (shard.EndingSequenceNumber is { } ending)
            {
                response.WriteString("EndingSequenceNumber", ending);
            }

            response.WriteEndObject();
            response.WriteEndObject();
        }

        response.WriteEndArray();
        if (page.Count < remaining.Count)
        {
            response.WriteString("LastEvaluatedShardId", page[^1].ShardId);
        }

        response.WriteEndObject();
    }

    private static void WriteKey(Utf8JsonWriter writer, string name, string keyType)
    {
        writer.WriteStartObject();
        writer.WriteString("AttributeName", name);
        writer.WriteString("KeyType", keyType);
        writer.WriteEndObject();
    }
}
