using System.Globalization;
using System.Net.Http.Headers;
using System.Net;
using System.Text;
using DynamoStreams.Contracts.RuntimeApi;

namespace DynamoStreams.Lambda;

/// <summary>
/// Speaks the Lambda Runtime API (2018-06-01): long-polls <c>/next</c> and posts responses, invocation errors and
/// init errors with the bodies, content types and headers Lambda expects.
/// </summary>
/// <remarks>A small equivalent of the client in <c>Amazon.Lambda.RuntimeSupport</c>, which is not in our registry;
/// that package could later replace this seam.</remarks>
internal sealed class RuntimeApiClient : IDisposable
{
    private static readonly MediaTypeHeaderValue s_jsonContentType = new("application/json");
    private static readonly MediaTypeHeaderValue s_errorContentType = new(RuntimeApiHeaders.ErrorContentType);

    private readonly RuntimeApiEndpoint _endpoint;
    private readonly HttpClient _http;
    private readonly PayloadBuffer _payload = new();

    public RuntimeApiClient(RuntimeApiEndpoint endpoint)
    {
        _endpoint = endpoint;

        // No proxy (HTTP_PROXY must never capture loopback runtime traffic), no cookies, no redirects, and no
        // client timeout: /next blocks for as long as the function stays idle.
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// Waits for the next invocation. The returned payload is valid until the next call.
    /// </summary>
    public async Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _endpoint.Next);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new RuntimeApiException($"The Lambda Runtime API at {_endpoint.BaseAddress} could not be reached ({ex.Message}). Check AWS_LAMBDA_RUNTIME_API.", ex);
        }

        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw new RuntimeApiException(
                    $"GET {_endpoint.Next} answered {(int)response.StatusCode} {body}; the runtime must exit.",
                    (int)response.StatusCode,
                    isFatal: true);
            }

            var headers = response.Headers.NonValidated;
            var requestId = Header(headers, RuntimeApiHeaders.RequestId);
            if (string.IsNullOrEmpty(requestId))
            {
                throw new RuntimeApiException($"GET {_endpoint.Next} answered without a {RuntimeApiHeaders.RequestId} header.", 200, isFatal: true);
            }

            var deadline = long.TryParse(Header(headers, RuntimeApiHeaders.DeadlineMs), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : DateTimeOffset.MaxValue;

            var payload = await _payload.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
            return new InvocationRequest(
                requestId,
                deadline,
                Header(headers, RuntimeApiHeaders.InvokedFunctionArn),
                Header(headers, RuntimeApiHeaders.TraceId),
                Header(headers, RuntimeApiHeaders.ClientContext),
                Header(headers, RuntimeApiHeaders.CognitoIdentity),
                Header(headers, RuntimeApiHeaders.TenantId),
                payload);
        }
    }

    /// <summary>
    /// Posts the function's result to <c>/runtime/invocation/{id}/response</c>.
    /// </summary>
    public Task SendResponseAsync(string requestId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = s_jsonContentType;
        return PostAsync(_endpoint.Response(requestId), content, errorType: null, cancellationToken);
    }

    /// <summary>
    /// Posts an invocation error to <c>/runtime/invocation/{id}/error</c>.
    /// </summary>
    public Task ReportInvocationErrorAsync(string requestId, string errorType, ReadOnlyMemory<byte> errorJson, CancellationToken cancellationToken) =>
        PostAsync(_endpoint.Error(requestId), ErrorContent(errorJson), errorType, cancellationToken);

    /// <summary>
    /// Posts an initialization error to <c>/runtime/init/error</c>; the runtime exits afterwards.
    /// </summary>
    public Task ReportInitializationErrorAsync(string errorType, ReadOnlyMemory<byte> errorJson, CancellationToken cancellationToken) =>
        PostAsync(_endpoint.InitError, ErrorContent(errorJson), errorType, cancellationToken);

    public void Dispose() => _http.Dispose();

    private static ReadOnlyMemoryContent ErrorContent(ReadOnlyMemory<byte> errorJson)
    {
        var content = new ReadOnlyMemoryContent(errorJson);
        content.Headers.ContentType = s_errorContentType;
        return content;
    }

    private static string? Header(HttpHeadersNonValidated headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.ToString() : null;

    private async Task PostAsync(Uri uri, HttpContent content, string? errorType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, errorType);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new RuntimeApiException($"The Lambda Runtime API at {_endpoint.BaseAddress} could not be reached for POST {uri.AbsolutePath} ({ex.Message}).", ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                return;
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            throw new RuntimeApiException(
                $"POST {uri.AbsolutePath} answered {status} {Encoding.UTF8.GetString(body)}",
                status,
                isFatal: status >= 500);
        }
    }
}
