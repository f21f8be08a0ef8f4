using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.DynamoDb.Errors;

/// <summary>
/// Creates the <c>AccessDeniedException</c> DynamoDB answers when a resource ARN cannot name anything the caller may
/// act on (an empty or malformed ARN in the tagging operations): the IAM text "User: ... is not authorized to perform".
/// </summary>
internal static class AccessDeniedError
{
    /// <summary>The full wire type; its message member is spelled <c>Message</c>.</summary>
    public const string WireType = DynamoDbErrors.CoralServiceNamespace + "AccessDeniedException";

    /// <summary>Creates the error.</summary>
    /// <param name="accountId">The caller's account (the emulator's), named in the principal.</param>
    /// <param name="operation">The operation, for example <c>TagResource</c>.</param>
    /// <param name="resource">The resource as sent; an empty one reads <c>*</c>.</param>
    /// <returns>The error.</returns>
    public static AwsServiceException Create(string accountId, string operation, string resource) =>
        new(WireType, $"User: arn:aws:iam::{accountId}:root is not authorized to perform: dynamodb:{operation} on resource: {(resource.Length == 0 ? "*" : resource)}");
}
