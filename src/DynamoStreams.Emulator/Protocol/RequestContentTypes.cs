namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Decides from a POST's <c>Content-Type</c> whether the request is for the JSON protocol, and which content type
/// the answer carries: DynamoDB accepts <c>application/x-amz-json-1.0</c> and <c>application/json</c> (parameters
/// after <c>;</c> and surrounding spaces ignored) and answers in the same type, <c>application/json</c> when the
/// request named none. Any other type, or a body without a type, gets the service's 404.
/// </summary>
internal static class RequestContentTypes
{
    /// <summary>The AWS JSON 1.0 media type.</summary>
    public const string AmzJson = "application/x-amz-json-1.0";

    /// <summary>The plain JSON media type.</summary>
    public const string Json = "application/json";

    /// <summary>Picks the response content type for a request.</summary>
    /// <param name="contentType">The request's <c>Content-Type</c>, or <see langword="null"/>.</param>
    /// <param name="hasBody">Whether the request has a body.</param>
    /// <param name="responseContentType">The content type to answer with.</param>
    /// <returns><see langword="false"/> when the request is not for the JSON protocol (answer 404).</returns>
    public static bool TryGetResponseType(string? contentType, bool hasBody, out string responseContentType)
    {
        responseContentType = Json;
        if (string.IsNullOrEmpty(contentType))
        {
            return !hasBody;
        }

        // The SDKs send exactly the JSON 1.0 type: compare it first, without slicing.
        if (contentType.Equals(AmzJson, StringComparison.OrdinalIgnoreCase))
        {
            responseContentType = AmzJson;
            return true;
        }

        var mediaType = contentType.AsSpan();
        var semicolon = mediaType.IndexOf(';');
        if (semicolon >= 0)
        {
            mediaType = mediaType[..semicolon];
        }

        mediaType = mediaType.Trim();
        if (mediaType.Equals(AmzJson, StringComparison.OrdinalIgnoreCase))
        {
            responseContentType = AmzJson;
            return true;
        }

        return mediaType.Equals(Json, StringComparison.OrdinalIgnoreCase);
    }
}
