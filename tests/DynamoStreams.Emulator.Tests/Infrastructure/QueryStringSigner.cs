using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;

namespace DynamoStreams.Emulator.Tests.Infrastructure;

/// <summary>
/// Pre-signs a POST in the query string with AWSSDK.Core's <see cref="AWS4Signer"/> canonicalisation and signature
/// code, so the emulator's verifier is checked against the SDK's implementation rather than against itself.
/// </summary>
public sealed class QueryStringSigner : AWS4Signer
{
    /// <summary>Returns the path and query of a request to <paramref name="endpoint"/> signed for <paramref name="target"/>.</summary>
    public static string Sign(Uri endpoint, string target, byte[] body, string accessKeyId, string secret, DateTime signedAt)
    {
        var date = signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var scope = $"{accessKeyId}/{signedAt:yyyyMMdd}/us-east-1/dynamodb/aws4_request";
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = endpoint.Authority,
            ["X-Amz-Target"] = target,
        };
        var query = "X-Amz-Algorithm=AWS4-HMAC-SHA256" +
            "&X-Amz-Credential=" + Uri.EscapeDataString(scope) +
            "&X-Amz-Date=" + date +
            "&X-Amz-SignedHeaders=" + Uri.EscapeDataString("host;x-amz-target");
        var sorted = SortAndPruneHeaders(headers);
        var canonical = CanonicalizeRequest(endpoint, "/", "POST", sorted, query, AWSSDKUtils.ToHex(ComputeHash(body), true));
        var result = ComputeSignature(new ImmutableCredentials(accessKeyId, secret, null), "us-east-1", signedAt, "dynamodb", "host;x-amz-target", canonical);
        return "/?" + query + "&X-Amz-Signature=" + result.Signature;
    }
}
