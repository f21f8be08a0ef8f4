using System.Text;

namespace DynamoStreams.Emulator.Protocol.Auth;

/// <summary>
/// Checks that a request is SigV4-signed the way AWS requires before it looks at the signature: either an
/// <c>Authorization: AWS4-...</c> header with <c>Credential</c>, <c>Signature</c> and <c>SignedHeaders</c> plus an
/// <c>X-Amz-Date</c> or <c>Date</c> header, or the <c>X-Amz-*</c> query-string parameters, never both. Runs on every
/// request whatever the auth mode; whether the signature is right is <see cref="SigV4Verifier"/>'s job.
/// </summary>
internal static class SignaturePresence
{
    private const string AlgorithmParameter = "X-Amz-Algorithm";

    private static readonly string[] s_queryParameters =
        [AlgorithmParameter, "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"];

    /// <summary>Throws the service's error when the request is unsigned or its signature is incomplete.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> when the request is signed in the query string, <see langword="false"/> for the header.</returns>
    /// <exception cref="Errors.AwsServiceException">The signature is missing or incomplete.</exception>
    public static bool Check(HttpRequest request)
    {
        string? authorization = request.Headers.Authorization;
        if (request.QueryString.HasValue && request.Query.ContainsKey(AlgorithmParameter))
        {
            if (!string.IsNullOrEmpty(authorization))
            {
                throw AuthErrors.SignedTwice();
            }

            CheckQuery(request.Query);
            return true;
        }

        if (authorization is null || !authorization.StartsWith("AWS4-", StringComparison.Ordinal))
        {
            throw AuthErrors.MissingToken();
        }

        CheckHeader(authorization, request.Headers);
        return false;
    }

    /// <summary>Returns a parameter of the <c>Authorization</c> header (<c>Name=value</c>, separated by spaces or commas).</summary>
    /// <param name="authorization">The header value.</param>
    /// <param name="name">The parameter name, for example <c>Credential</c>.</param>
    /// <returns>The value, or an empty span when absent.</returns>
    public static ReadOnlySpan<char> HeaderParameter(ReadOnlySpan<char> authorization, ReadOnlySpan<char> name)
    {
        var rest = authorization;
        var first = true;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOfAny(' ', ',');
            var token = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (first)
            {
                // The algorithm (AWS4-HMAC-SHA256) comes first.
                first = false;
                continue;
            }

            var equals = token.IndexOf('=');
            if (equals > 0 && token[..equals].SequenceEqual(name))
            {
                return token[(equals + 1)..];
            }
        }

        return [];
    }

    private static void CheckHeader(string authorization, IHeaderDictionary headers)
    {
        var span = authorization.AsSpan();
        var hasCredential = !HeaderParameter(span, "Credential").IsEmpty;
        var hasSignature = !HeaderParameter(span, "Signature").IsEmpty;
        var hasSignedHeaders = !HeaderParameter(span, "SignedHeaders").IsEmpty;
        var hasDate = !string.IsNullOrEmpty(headers["X-Amz-Date"]) || !string.IsNullOrEmpty(headers.Date);
        if (hasCredential && hasSignature && hasSignedHeaders && hasDate)
        {
            return;
        }

        var message = new StringBuilder();
        AppendIfMissing(message, hasCredential, "Authorization header requires 'Credential' parameter. ");
        AppendIfMissing(message, hasSignature, "Authorization header requires 'Signature' parameter. ");
        AppendIfMissing(message, hasSignedHeaders, "Authorization header requires 'SignedHeaders' parameter. ");
        AppendIfMissing(message, hasDate, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        message.Append("Authorization=").Append(authorization);
        throw AuthErrors.Incomplete(message.ToString());
    }

    private static void CheckQuery(IQueryCollection query)
    {
        var message = new StringBuilder();
        foreach (var name in s_queryParameters)
        {
            AppendIfMissing(message, !string.IsNullOrEmpty(query[name]), $"AWS query-string parameters must include '{name}'. ");
        }

        if (message.Length > 0)
        {
            message.Append("Re-examine the query-string parameters.");
            throw AuthErrors.Incomplete(message.ToString());
        }
    }

    private static void AppendIfMissing(StringBuilder message, bool present, string sentence)
    {
        if (!present)
        {
            message.Append(sentence);
        }
    }
}
