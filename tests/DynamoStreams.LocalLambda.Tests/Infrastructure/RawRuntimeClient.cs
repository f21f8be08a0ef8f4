using System.Net.Http.Headers;
using System.Text;

namespace DynamoStreams.LocalLambda.Tests.Infrastructure;

/// <summary>
/// Speaks the Runtime API over plain HTTP, as a runtime does, for protocol tests.
/// </summary>
internal sealed class RawRuntimeClient(HttpClient http, string runtimeApiAddress)
{
    private readonly string _base = $"http://{runtimeApiAddress}/2018-06-01/runtime";

    public Task<HttpResponseMessage> NextAsync(CancellationToken cancellationToken = default) =>
        http.GetAsync($"{_base}/invocation/next", cancellationToken);

    public Task<HttpResponseMessage> RespondAsync(string requestId, byte[] body) =>
        http.PostAsync($"{_base}/invocation/{requestId}/response", Json(body));

    public Task<HttpResponseMessage> ErrorAsync(string requestId, string? body, string? errorType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{_base}/invocation/{requestId}/error")
        {
            Content = body is null ? null : Json(Encoding.UTF8.GetBytes(body)),
        };
        if (errorType is not null)
        {
            request.Headers.Add("Lambda-Runtime-Function-Error-Type", errorType);
        }

        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> InitErrorAsync(string body, string errorType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{_base}/init/error") { Content = Json(Encoding.UTF8.GetBytes(body)) };
        request.Headers.Add("Lambda-Runtime-Function-Error-Type", errorType);
        return http.SendAsync(request);
    }

    public static string RequestIdOf(HttpResponseMessage response) =>
        response.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").Single();

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
