using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DynamoStreams.Emulator.Tests.Streams;

/// <summary>
/// A small typed DynamoDB Streams client over HTTP (AWS JSON 1.0, target <c>DynamoDBStreams_20120810</c>): the .NET
/// SDK in our registry has no AWSSDK.DynamoDBStreams, so tests speak the wire protocol as that client would.
/// The Node cross-check (NodeStreamsCrossCheckTests) runs the official JavaScript client.
/// </summary>
public sealed class StreamsTestClient(Uri endpoint, string region = "us-east-1") : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = endpoint };

    public async Task<JsonElement> ListStreamsAsync(string? tableName = null, int? limit = null, string? exclusiveStartStreamArn = null) =>
        await SendAsync("ListStreams", new JsonObject
        {
            ["TableName"] = tableName,
            ["Limit"] = limit,
            ["ExclusiveStartStreamArn"] = exclusiveStartStreamArn,
        });

    public async Task<JsonElement> DescribeStreamAsync(string streamArn, int? limit = null, string? exclusiveStartShardId = null,
        string? childrenOf = null)
    {
        var body = new JsonObject { ["StreamArn"] = streamArn, ["Limit"] = limit, ["ExclusiveStartShardId"] = exclusiveStartShardId };
        if (childrenOf is not null)
        {
            body["ShardFilter"] = new JsonObject { ["Type"] = "CHILD_SHARDS", ["ShardId"] = childrenOf };
        }

        return (await SendAsync("DescribeStream", body)).GetProperty("StreamDescription");
    }

    public async Task<string> GetShardIteratorAsync(string streamArn, string shardId, string type, string? sequenceNumber = null) =>
        (await SendAsync("GetShardIterator", new JsonObject
        {
            ["StreamArn"] = streamArn,
            ["ShardId"] = shardId,
            ["ShardIteratorType"] = type,
            ["SequenceNumber"] = sequenceNumber,
        })).GetProperty("ShardIterator").GetString()!;

    public async Task<(List<JsonElement> Records, string? NextShardIterator)> GetRecordsAsync(string shardIterator, int? limit = null)
    {
        var result = await SendAsync("GetRecords", new JsonObject { ["ShardIterator"] = shardIterator, ["Limit"] = limit });
        var next = result.TryGetProperty("NextShardIterator", out var n) ? n.GetString() : null;
        return ([.. result.GetProperty("Records").EnumerateArray()], next);
    }

    /// <summary>Reads a whole shard from TRIM_HORIZON (or a given iterator) until a read returns nothing.</summary>
    public async Task<List<JsonElement>> ReadAllAsync(string streamArn, string shardId)
    {
        var iterator = await GetShardIteratorAsync(streamArn, shardId, "TRIM_HORIZON");
        var all = new List<JsonElement>();
        while (iterator is not null)
        {
            var (records, next) = await GetRecordsAsync(iterator);
            all.AddRange(records);
            if (records.Count == 0)
            {
                break;
            }

            iterator = next;
        }

        return all;
    }

    public async Task<JsonElement> SendAsync(string operation, JsonObject body)
    {
        foreach (var key in body.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            body.Remove(key);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", "DynamoDBStreams_20120810." + operation);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260115/{region}/dynamodb/aws4_request, SignedHeaders=host, Signature=00");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20260115T000000Z");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(text).RootElement.Clone();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var type = json.GetProperty("__type").GetString()!;
            throw new StreamsClientException(type[(type.IndexOf('#') + 1)..], type,
                json.TryGetProperty("message", out var m) || json.TryGetProperty("Message", out m) ? m.GetString() : null, response.StatusCode);
        }

        return json;
    }

    public void Dispose() => _http.Dispose();
}

public sealed class StreamsClientException(string errorCode, string wireType, string? message, HttpStatusCode statusCode)
    : Exception(message ?? errorCode)
{
    public string ErrorCode { get; } = errorCode;

    public string WireType { get; } = wireType;

    public HttpStatusCode StatusCode { get; } = statusCode;
}
