using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;

namespace DynamoStreams.LocalLambda.EventSourceMapping.StreamSources.Http;

/// <summary>
/// Calls the DynamoDB Streams API (AWS JSON 1.0, target <c>DynamoDBStreams_20120810</c>) at any endpoint: the
/// emulator, DynamoDB Local or AWS. This is a seam: AWSSDK.DynamoDBStreams is not in our package registry, so this
/// small typed client covers the four operations the engine needs; <c>AmazonDynamoDBStreamsClient</c> can replace it.
/// </summary>
public sealed class DynamoDbStreamsClient
{
    private const string TargetPrefix = "DynamoDBStreams_20120810.";
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _region;
    private readonly AWSCredentials _credentials;
    private readonly TimeProvider _time;

    /// <summary>Initializes the client.</summary>
    /// <param name="http">The HTTP client.</param>
    /// <param name="endpoint">The service URL, for example <c>http://127.0.0.1:8000</c> or <c>https://streams.dynamodb.us-east-1.amazonaws.com</c>.</param>
    /// <param name="region">The signing region.</param>
    /// <param name="credentials">The credentials that sign requests.</param>
    /// <param name="time">The clock for request timestamps.</param>
    public DynamoDbStreamsClient(HttpClient http, Uri endpoint, string region, AWSCredentials credentials, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentNullException.ThrowIfNull(credentials);
        _http = http;
        _endpoint = endpoint;
        _region = region;
        _credentials = credentials;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Calls <c>DescribeStream</c>, one page.</summary>
    /// <param name="streamArn">The stream.</param>
    /// <param name="exclusiveStartShardId">The last shard of the previous page, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The <c>StreamDescription</c> object.</returns>
    public async Task<JsonElement> DescribeStreamAsync(string streamArn, string? exclusiveStartShardId, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["StreamArn"] = streamArn };
        if (exclusiveStartShardId is not null)
        {
            request["ExclusiveStartShardId"] = exclusiveStartShardId;
        }

        var response = await SendAsync("DescribeStream", request, cancellationToken).ConfigureAwait(false);
        return response.GetProperty("StreamDescription");
    }

    /// <summary>Calls <c>GetShardIterator</c>.</summary>
    /// <param name="streamArn">The stream.</param>
    /// <param name="shardId">The shard.</param>
    /// <param name="position">Where the iterator starts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The iterator.</returns>
    public async Task<string> GetShardIteratorAsync(string streamArn, string shardId, ShardPosition position, CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["StreamArn"] = streamArn,
            ["ShardId"] = shardId,
            ["ShardIteratorType"] = position.Kind switch
            {
                ShardPositionKind.TrimHorizon => "TRIM_HORIZON",
                ShardPositionKind.Latest => "LATEST",
                ShardPositionKind.AtSequenceNumber => "AT_SEQUENCE_NUMBER",
                _ => "AFTER_SEQUENCE_NUMBER",
            },
        };
        if (position.SequenceNumber is not null)
        {
            request["SequenceNumber"] = position.SequenceNumber;
        }

        var response = await SendAsync("GetShardIterator", request, cancellationToken).ConfigureAwait(false);
        return response.GetProperty("ShardIterator").GetString()!;
    }

    /// <summary>Calls <c>GetRecords</c>.</summary>
    /// <param name="shardIterator">The iterator.</param>
    /// <param name="limit">The most records (1–1000).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records (raw JSON) and the next iterator (null when the shard is closed and drained).</returns>
    public async Task<(IReadOnlyList<JsonElement> Records, string? NextShardIterator)> GetRecordsAsync(string shardIterator, int limit, CancellationToken cancellationToken)
    {
        var response = await SendAsync("GetRecords", new JsonObject { ["ShardIterator"] = shardIterator, ["Limit"] = limit }, cancellationToken).ConfigureAwait(false);
        var records = response.TryGetProperty("Records", out var array) ? array.EnumerateArray().ToList() : [];
        var next = response.TryGetProperty("NextShardIterator", out var iterator) && iterator.ValueKind == JsonValueKind.String ? iterator.GetString() : null;
        return (records, next);
    }

    private async Task<JsonElement> SendAsync(string operation, JsonObject body, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        var credentials = await _credentials.GetCredentialsAsync().ConfigureAwait(false);
        var headers = StreamsRequestSigner.Sign(
            _endpoint,
            new Dictionary<string, string>
            {
                ["Content-Type"] = "application/x-amz-json-1.0",
                ["X-Amz-Target"] = TargetPrefix + operation,
            },
            bytes,
            credentials,
            _region,
            _time.GetUtcNow().UtcDateTime);

        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(bytes) };
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            }
            else if (!name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var document = text.Length == 0 ? JsonDocument.Parse("{}") : JsonDocument.Parse(text);
        if (!response.IsSuccessStatusCode)
        {
            var root = document.RootElement;
            var type = root.TryGetProperty("__type", out var t) ? t.GetString() ?? "UnknownError" : "UnknownError";
            var message = root.TryGetProperty("message", out var m) || root.TryGetProperty("Message", out m) ? m.GetString() ?? string.Empty : string.Empty;
            throw new DynamoDbStreamsException(type[(type.LastIndexOf('#') + 1)..], message, (int)response.StatusCode);
        }

        return document.RootElement.Clone();
    }
}
