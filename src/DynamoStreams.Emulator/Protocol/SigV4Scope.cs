namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Reads the access key and region from a SigV4 <c>Authorization</c> header
/// (<c>AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request, ...</c>).
/// Only reads: that the signature is complete is <see cref="Auth.SignaturePresence"/>'s check, and whether it is right
/// <see cref="Auth.SigV4Verifier"/>'s (strict mode only).
/// </summary>
internal static class SigV4Scope
{
    // A client sends the same key and region on every request: the last strings read on each thread are handed out
    // again when they match, so a request allocates neither.
    [ThreadStatic]
    private static string? t_accessKeyId;
    [ThreadStatic]
    private static string? t_region;

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

        accessKeyId = Reuse(span[parts[0]], ref t_accessKeyId);
        var regionSpan = span[parts[2]];
        region = regionSpan.IsEmpty ? null : Reuse(regionSpan, ref t_region);
        return region is not null;
    }

    private static string Reuse(ReadOnlySpan<char> value, ref string? last)
    {
        if (last is not null && value.SequenceEqual(last))
        {
            return last;
        }

        return last = value.ToString();
    }
}
