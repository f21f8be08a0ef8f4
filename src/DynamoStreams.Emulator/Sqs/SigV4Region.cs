namespace DynamoStreams.Emulator.Sqs;

/// <summary>
/// Reads the region from a SigV4 <c>Authorization</c> header's credential scope.
/// </summary>
internal static class SigV4Region
{
    /// <summary>Returns the region of <c>Credential=&lt;key&gt;/&lt;date&gt;/&lt;region&gt;/&lt;service&gt;/aws4_request</c>, or <see langword="null"/>.</summary>
    public static string? FromAuthorization(string authorization)
    {
        var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = authorization.IndexOfAny([',', ' '], start);
        var parts = authorization[(start + "Credential=".Length)..(end < 0 ? authorization.Length : end)].Split('/');
        return parts.Length >= 5 && parts[2].Length > 0 ? parts[2] : null;
    }
}
