using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DynamoStreams.Emulator.Protocol.Auth;

/// <summary>
/// Verifies SigV4 signatures against the configured access keys (strict mode), following AWS's published
/// algorithm: canonical request (method, URI, query, signed headers, payload hash), string to sign over the
/// credential scope, and the HMAC-SHA256 key derived from the secret, date, region and service. Both the
/// <c>Authorization</c> header and the query-string (pre-signed) forms are checked.
/// </summary>
/// <remarks>
/// Runs after <see cref="SignaturePresence"/>, so the parameters it reads are present. The request time is not
/// compared with the clock: the emulator checks who signed the request, not when.
/// </remarks>
internal sealed class SigV4Verifier
{
    private const string Algorithm = "AWS4-HMAC-SHA256";
    private const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    private readonly IReadOnlyDictionary<string, string> _secrets;

    /// <summary>Creates a verifier over the access keys it accepts.</summary>
    /// <param name="secrets">The secret access key of each access key id.</param>
    public SigV4Verifier(IReadOnlyDictionary<string, string> secrets)
    {
        _secrets = secrets;
    }

    /// <summary>Throws the service's error unless the request is signed with a known key and the right secret.</summary>
    /// <param name="request">The request.</param>
    /// <param name="signedInQuery">Whether the signature is in the query string (else in the header).</param>
    /// <param name="body">The request body, whose hash is part of the signature.</param>
    /// <exception cref="Errors.AwsServiceException">The key is unknown or the signature does not match.</exception>
    public void Verify(HttpRequest request, bool signedInQuery, ReadOnlySequence<byte> body)
    {
        string credential, signedHeaders, signature, amzDate;
        if (signedInQuery)
        {
            credential = request.Query["X-Amz-Credential"].ToString();
            signedHeaders = request.Query["X-Amz-SignedHeaders"].ToString();
            signature = request.Query["X-Amz-Signature"].ToString();
            amzDate = request.Query["X-Amz-Date"].ToString();
        }
        else
        {
            var authorization = request.Headers.Authorization.ToString().AsSpan();
            credential = SignaturePresence.HeaderParameter(authorization, "Credential").ToString();
            signedHeaders = SignaturePresence.HeaderParameter(authorization, "SignedHeaders").ToString();
            signature = SignaturePresence.HeaderParameter(authorization, "Signature").ToString();
            amzDate = RequestDate(request.Headers);
        }

        var scope = credential.Split('/');
        if (scope.Length != 5)
        {
            throw AuthErrors.Incomplete(
                $"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{credential}'");
        }

        if (!_secrets.TryGetValue(scope[0], out var secret))
        {
            throw AuthErrors.UnrecognizedClient();
        }

        var canonicalRequest = CanonicalRequest(request, signedInQuery, signedHeaders, body);
        var credentialScope = string.Join('/', scope, 1, 4);
        var stringToSign = $"{Algorithm}\n{amzDate}\n{credentialScope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secret);
        for (var i = 1; i < scope.Length; i++)
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope[i]));
        }

        var expected = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature.ToLowerInvariant())))
        {
            throw AuthErrors.SignatureMismatch();
        }
    }

    private static string RequestDate(IHeaderDictionary headers)
    {
        var amzDate = headers["X-Amz-Date"].ToString();
        if (amzDate.Length > 0)
        {
            return amzDate;
        }

        // Signed with the Date header instead: the string to sign uses it in the ISO 8601 basic form.
        return DateTimeOffset.TryParse(headers.Date.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)
            : headers.Date.ToString();
    }

    private static string CanonicalRequest(HttpRequest request, bool signedInQuery, string signedHeaders, ReadOnlySequence<byte> body)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method).Append('\n');
        builder.Append(CanonicalUri(request.Path.ToUriComponent())).Append('\n');
        builder.Append(CanonicalQuery(request.QueryString.Value, signedInQuery)).Append('\n');
        foreach (var name in signedHeaders.Split(';'))
        {
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(request.Headers[name])).Append('\n');
        }

        builder.Append('\n').Append(signedHeaders).Append('\n');
        var contentHash = request.Headers["x-amz-content-sha256"].ToString();
        builder.Append(contentHash == UnsignedPayload ? UnsignedPayload : Hex(Sha256(body)));
        return builder.ToString();
    }

    /// <summary>Encodes each path segment once more, as AWS does for every service but S3 (the client encoded it once).</summary>
    private static string CanonicalUri(string path) =>
        path.Length == 0 ? "/" : string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string CanonicalQuery(string? query, bool signedInQuery)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return string.Empty;
        }

        var pairs = new List<(string Name, string Value)>();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(part[(equals + 1)..]);
            if (!(signedInQuery && name == "X-Amz-Signature"))
            {
                pairs.Add((Uri.EscapeDataString(name), Uri.EscapeDataString(value)));
            }
        }

        return string.Join('&', pairs
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>Joins a header's values with commas, each trimmed and with runs of spaces collapsed to one.</summary>
    private static string CanonicalHeaderValue(Microsoft.Extensions.Primitives.StringValues values) =>
        string.Join(',', values.Select(v => string.Join(' ', (v ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));

    private static byte[] Sha256(ReadOnlySequence<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var segment in body)
        {
            hash.AppendData(segment.Span);
        }

        return hash.GetHashAndReset();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
