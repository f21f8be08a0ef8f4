using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Streams.Storage;

namespace DynamoStreams.Emulator.Streams.Operations;

/// <summary>Serves <c>DynamoDBStreams_20120810.ListStreams</c>: a page of the streams of a region, optionally of one table.</summary>
/// <param name="store">The streams.</param>
internal sealed class ListStreamsOperation(StreamStore store) : StreamsOperation("ListStreams", store)
{
    /// <inheritdoc/>
    protected override void Execute(StreamsRequest members, AwsRequest request, Utf8JsonWriter response)
    {
        var tableName = members.TableName("TableName");
        var limit = members.Limit(100) ?? 100;
        var exclusiveStart = members.String("ExclusiveStartStreamArn", StreamsRequest.MinArn, StreamsRequest.MaxArn);
        members.ThrowIfInvalid();
        var streams = Store.List(request.Region, tableName);
        var start = 0;
        if (exclusiveStart is not null)
        {
            StreamArns.CheckWellFormed(exclusiveStart);
            start = streams.ToList().FindIndex(s => s.Arn == exclusiveStart) + 1;
            if (start == 0)
            {
                throw StreamsException.StreamNotFound(exclusiveStart);
            }
        }

        var page = streams.Skip(start).Take(limit).ToList();
        response.WriteStartArray("Streams");
        foreach (var stream in page)
        {
            response.WriteStartObject();
            response.WriteString("StreamArn", stream.Arn);
            response.WriteString("TableName", stream.Identity.TableName);
            response.WriteString("StreamLabel", stream.Identity.StreamLabel);
            response.WriteEndObject();
        }

        response.WriteEndArray();
        if (start + page.Count < streams.Count)
        {
            response.WriteString("LastEvaluatedStreamArn", page[^1].Arn);
        }
    }
}
