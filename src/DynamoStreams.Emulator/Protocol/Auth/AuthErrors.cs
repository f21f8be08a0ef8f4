using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.Protocol.Auth;

/// <summary>The authentication errors every AWS JSON service on the port answers with, in AWS's words (HTTP 400).</summary>
internal static class AuthErrors
{
    private const string Namespace = "com.amazon.coral.service#";

    /// <summary>Creates the error for a request that carries no SigV4 signature at all.</summary>
    /// <returns>The error.</returns>
    public static AwsServiceException MissingToken() =>
        new(Namespace + "MissingAuthenticationTokenException", "Request is missing Authentication Token");

    /// <summary>Creates the error for a signature that lacks required parts.</summary>
    /// <param name="message">What is missing, in AWS's sentences.</param>
    /// <returns>The error.</returns>
    public static AwsServiceException Incomplete(string message) =>
        new(Namespace + "IncompleteSignatureException", message);

    /// <summary>Creates the error for a request signed both in the query string and in the header.</summary>
    /// <returns>The error.</returns>
    public static AwsServiceException SignedTwice() =>
        InvalidSignature("Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");

    /// <summary>Creates the error for a signature that does not match the request (strict mode).</summary>
    /// <returns>The error.</returns>
    public static AwsServiceException SignatureMismatch() =>
        InvalidSignature("The request signature we calculated does not match the signature you provided. " +
            "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");

    /// <summary>Creates the error for an access key id the emulator does not know (strict mode).</summary>
    /// <returns>The error.</returns>
    public static AwsServiceException UnrecognizedClient() =>
        new(Namespace + "UnrecognizedClientException", "The security token included in the request is invalid.");

    private static AwsServiceException InvalidSignature(string message) =>
        new(Namespace + "InvalidSignatureException", message);
}
