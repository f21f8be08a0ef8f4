using System.Net;
using System.Text;
using System.Text.Json;

namespace DynamoStreams.Emulator.Tests.Infrastructure;

/// <summary>Sends hand-made HTTP requests to the emulator, for what no SDK sends (bad methods, types, signatures).</summary>
public static class RawHttp
{
    /// <summary>A signature header with every part SigV4 requires; the default mode accepts any values.</summary>
    public const string AnySignature =
        "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc";

    /// <summary>Headers of a request signed (with any values) for DynamoDB's <paramref name="target"/>.</summary>
    public static Dictionary<string, string> Signed(string target) => new()
    {
        ["X-Amz-Target"] = target,
        ["Authorization"] = AnySignature,
        ["X-Amz-Date"] = "20250101T000000Z",
    };

    public static Task<RawResponse> SendAsync(
        Uri endpoint, HttpMethod method, string pathAndQuery = "/", string? body = null, string? contentType = null,
        IReadOnlyDictionary<string, string>? headers = null) =>
        SendBytesAsync(endpoint, method, pathAndQuery, body is null ? null : Encoding.UTF8.GetBytes(body), contentType, headers);

    public static async Task<RawResponse> SendBytesAsync(
        Uri endpoint, HttpMethod method, string pathAndQuery, byte[]? body, string? contentType = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var http = new HttpClient { BaseAddress = endpoint };
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new RawResponse(response.StatusCode, bytes, response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
    }
}

/// <summary>What the emulator answered: status, exact body bytes and every header (response and content).</summary>
public sealed record RawResponse(HttpStatusCode Status, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
