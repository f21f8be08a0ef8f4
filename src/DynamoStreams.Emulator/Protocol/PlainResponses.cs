using System.Globalization;
using System.Text;

namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Writes the answers that are not JSON: the health text of a <c>GET</c> and the 404 DynamoDB sends for any other
/// method, or for a body that is not JSON. Both carry <c>Content-Length</c> and <c>x-amz-crc32</c> like every answer.
/// </summary>
internal static class PlainResponses
{
    private static readonly byte[] s_notFound = "<UnknownOperationException/>\n"u8.ToArray();

    /// <summary>Writes DynamoDB's 404 body, <c>&lt;UnknownOperationException/&gt;</c>.</summary>
    /// <param name="response">The response.</param>
    /// <returns>A task that completes when the body is written.</returns>
    public static Task WriteNotFoundAsync(HttpResponse response) =>
        WriteAsync(response, StatusCodes.Status404NotFound, contentType: null, s_notFound);

    /// <summary>Writes the one-line health text DynamoDB answers a <c>GET</c> with; tools use it as a probe.</summary>
    /// <param name="response">The response.</param>
    /// <param name="region">The region named in the text.</param>
    /// <returns>A task that completes when the body is written.</returns>
    public static Task WriteHealthAsync(HttpResponse response, string region) =>
        WriteAsync(response, StatusCodes.Status200OK, "text/plain", Encoding.UTF8.GetBytes($"healthy: dynamodb.{region}.amazonaws.com "));

    private static Task WriteAsync(HttpResponse response, int statusCode, string? contentType, byte[] body)
    {
        response.StatusCode = statusCode;
        if (contentType is not null)
        {
            response.ContentType = contentType;
        }

        response.ContentLength = body.Length;
        response.Headers["x-amz-crc32"] = Crc32.Compute(body).ToString(CultureInfo.InvariantCulture);
        return response.Body.WriteAsync(body, response.HttpContext.RequestAborted).AsTask();
    }
}
