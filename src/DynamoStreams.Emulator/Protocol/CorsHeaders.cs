using Microsoft.Extensions.Primitives;

namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Adds DynamoDB's CORS headers, so a browser page on any origin can call the emulator: every answer to a request
/// with an <c>Origin</c> header allows any origin, and an <c>OPTIONS</c> pre-flight with an <c>Origin</c> is answered
/// 200 with the requested headers and method echoed back. Requests without an <c>Origin</c> get none of this.
/// </summary>
internal static class CorsHeaders
{
    /// <summary>How long a browser may cache a pre-flight answer: DynamoDB's two days.</summary>
    private const string MaxAgeSeconds = "172800";

    /// <summary>The response headers a page's script may read (request id, checksum, SQS's error code).</summary>
    private const string ExposedHeaders = "x-amzn-RequestId,x-amz-crc32,x-amzn-query-error";

    /// <summary>Adds the allow-origin headers when the request names an origin.</summary>
    /// <param name="request">The request.</param>
    /// <param name="response">The response.</param>
    /// <returns><see langword="true"/> when the request carried an <c>Origin</c> header.</returns>
    public static bool AddIfCrossOrigin(HttpRequest request, HttpResponse response)
    {
        if (StringValues.IsNullOrEmpty(request.Headers.Origin))
        {
            return false;
        }

        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.AccessControlExposeHeaders = ExposedHeaders;
        return true;
    }

    /// <summary>Answers a pre-flight: 200, an empty body, the cache age and the echoed request headers and method.</summary>
    /// <param name="request">The <c>OPTIONS</c> request (with an <c>Origin</c>).</param>
    /// <param name="response">The response, already carrying the allow-origin header.</param>
    public static void WritePreflight(HttpRequest request, HttpResponse response)
    {
        var headers = response.Headers;
        headers.AccessControlMaxAge = MaxAgeSeconds;
        if (!StringValues.IsNullOrEmpty(request.Headers.AccessControlRequestHeaders))
        {
            headers.AccessControlAllowHeaders = request.Headers.AccessControlRequestHeaders;
        }

        if (!StringValues.IsNullOrEmpty(request.Headers.AccessControlRequestMethod))
        {
            headers.AccessControlAllowMethods = request.Headers.AccessControlRequestMethod;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentLength = 0;
    }
}
