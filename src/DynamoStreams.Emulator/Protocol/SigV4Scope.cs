namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Reads the access key and region from a SigV4 <c>Authorization</c> header
/// (<c>AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request, ...</c>).
/// The signature itself is not checked: the emulator accepts any credentials.
/// </summary>
internal static class SigV4Scope
{
    /// <summary>Extracts the access key id and region, when the header carries a credential scope.</summary>
    /// <param name="authorization">The Authorization header value.</param>
    /// <param name="accessKeyId">The access key id, or <see langword="null"/>.</param>
    /// <param name="region">The region, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when a credential scope was found.</returns>
    public static bool TryParse(string? authorization, out string? accessKeyId, out string? region)
    {
        accessKeyId = null;
        region = null;
        if (string.IsNullOrEmpty(authorization))
        {
            return false;
        }

        var span = authorization.AsSpan();
        var at = span.IndexOf("Credential=", StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        span = span[(at + "Credential=".Length)..];
        var end = span.IndexOfAny(',', ' ');
        if (end >= 0)
        {
            span = span[..end];
        }

        Span<Range> parts = stackalloc Range[6];
        var count = span.Split(parts, '/');
        if (count < 3)
        {
            return false;
        }

        accessKeyId = span[parts[0]].ToString();
        var regionSpan = span[parts[2]];
        region = regionSpan.IsEmpty ? null : regionSpan.ToString();
        return region is not null;
    }
}
