using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;

namespace DynamoStreams.LocalLambda.EventSourceMapping.StreamSources.Http;

/// <summary>
/// Signs DynamoDB Streams requests with Signature Version 4 using AWSSDK.Core's <see cref="AWS4Signer"/> (its
/// canonicalisation and signature code; nothing of SigV4 is written again here).
/// </summary>
internal sealed class StreamsRequestSigner : AWS4Signer
{
    /// <summary>The SigV4 signing name of DynamoDB Streams (spec A.1).</summary>
    public const string SigningName = "dynamodb";

    /// <summary>Returns the headers that sign a POST of <paramref name="body"/> to <paramref name="endpoint"/>.</summary>
    public static IReadOnlyDictionary<string, string> Sign(
        Uri endpoint,
        IDictionary<string, string> headers,
        byte[] body,
        ImmutableCredentials credentials,
        string region,
        DateTime utcNow)
    {
        var all = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        if (credentials.UseToken)
        {
            all[HeaderKeys.XAmzSecurityTokenHeader] = credentials.Token;
        }

        var signedAt = InitializeHeaders(all, endpoint, utcNow);
        var bodyHash = AWSSDKUtils.ToHex(ComputeHash(body), true);
        var sorted = SortAndPruneHeaders(all);
        var canonicalRequest = CanonicalizeRequest(endpoint, "/", "POST", sorted, string.Empty, bodyHash);
        var signedHeaders = CanonicalizeHeaderNames(sorted);
        var result = ComputeSignature(credentials, region, signedAt, SigningName, signedHeaders, canonicalRequest);
        all[HeaderKeys.AuthorizationHeader] = result.ForAuthorizationHeader;
        return all;
    }
}
