using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.DynamoDb.Errors;

/// <summary>
/// Creates DynamoDB's errors with the exact wire types, statuses and messages the real service sends.
/// </summary>
internal static class DynamoDbErrors
{
    /// <summary>The namespace of DynamoDB's own error shapes.</summary>
    public const string DynamoNamespace = "com.amazonaws.dynamodb.v20120810#";

    /// <summary>The namespace of request validation errors.</summary>
    public const string ValidationNamespace = "com.amazon.coral.validate#";

    /// <summary>The namespace of protocol-level errors (serialization, unknown operation, authentication).</summary>
    public const string CoralServiceNamespace = "com.amazon.coral.service#";

    /// <summary>The full wire type of <c>SerializationException</c>.</summary>
    public const string SerializationType = CoralServiceNamespace + "SerializationException";

    /// <summary>Creates a <c>ValidationException</c> with the exact message.</summary>
    /// <param name="message">The message, word for word as DynamoDB sends it.</param>
    /// <returns>The error.</returns>
    public static AwsServiceException Validation(string message) =>
        new(ValidationNamespace + "ValidationException", message);

    /// <summary>Creates the <c>ValidationException</c> DynamoDB prefixes with "One or more parameter values were invalid: ".</summary>
    /// <param name="detail">The text after the prefix.</param>
    /// <returns>The error.</returns>
    public static AwsServiceException InvalidParameter(string detail) =>
        Validation("One or more parameter values were invalid: " + detail);

    /// <summary>Creates the <c>ResourceNotFoundException</c> for a missing table or index.</summary>
    /// <param name="message">The message; data-plane operations use the default.</param>
    /// <returns>The error.</returns>
    public static AwsServiceException ResourceNotFound(string message = "Requested resource not found") =>
        new(DynamoNamespace + "ResourceNotFoundException", message);

    /// <summary>Creates the <c>ResourceNotFoundException</c> DescribeTable and DeleteTable send.</summary>
    /// <param name="tableName">The missing table.</param>
    /// <returns>The error.</returns>
    public static AwsServiceException TableNotFound(string tableName) =>
        ResourceNotFound("Requested resource not found: Table: " + tableName + " not found");

    /// <summary>Creates a <c>ResourceInUseException</c>.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The error.</returns>
    public static AwsServiceException ResourceInUse(string message) =>
        new(DynamoNamespace + "ResourceInUseException", message);

    /// <summary>Creates a <c>LimitExceededException</c>.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The error.</returns>
    public static AwsServiceException LimitExceeded(string message) =>
        new(DynamoNamespace + "LimitExceededException", message);

    /// <summary>Creates an <c>IdempotentParameterMismatchException</c> for a reused client request token.</summary>
    /// <returns>The error.</returns>
    public static AwsServiceException IdempotentParameterMismatch() =>
        new(DynamoNamespace + "IdempotentParameterMismatchException",
            "Request token is in use by another request with different parameters");

    /// <summary>Creates the <c>SerializationException</c> for a body that does not match the operation's shapes.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The error.</returns>
    public static AwsServiceException Serialization(string? message) =>
        new(SerializationType, message);

    /// <summary>Creates the <c>UnknownOperationException</c> for a target no service handles.</summary>
    /// <returns>The error.</returns>
    public static AwsServiceException UnknownOperation() =>
        new(CoralServiceNamespace + "UnknownOperationException", null);
}
