using System.Text.Json;

namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Carries one AWS JSON request to an operation: its body and the caller's scope.
/// </summary>
internal sealed class AwsRequest
{
    /// <summary>Gets the root element of the JSON body (an object).</summary>
    public required JsonElement Body { get; init; }

    /// <summary>Gets the region taken from the SigV4 credential scope, or the emulator's default region.</summary>
    public required string Region { get; init; }

    /// <summary>Gets the account id the emulator serves.</summary>
    public required string AccountId { get; init; }

    /// <summary>Gets the access key id from the SigV4 credential, if the request was signed.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>Gets the request id sent back in <c>x-amzn-RequestId</c>.</summary>
    public required string RequestId { get; init; }

    /// <summary>Gets the HTTP headers of the request (trace context, user agent).</summary>
    public required Microsoft.AspNetCore.Http.IHeaderDictionary Headers { get; init; }
}
