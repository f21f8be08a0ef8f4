using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Describes one AWS JSON 1.0 service served on the emulator's port: the <c>X-Amz-Target</c> prefix it
/// owns and how its errors are written. Implementations are discovered at startup, so adding a
/// service is adding a class.
/// </summary>
internal interface IAwsJsonService
{
    /// <summary>Gets the target prefix before the dot, for example <c>DynamoDB_20120810</c>.</summary>
    string TargetPrefix { get; }

    /// <summary>Gets the writer that shapes this service's errors.</summary>
    IAwsErrorWriter ErrorWriter { get; }

    /// <summary>Creates the error returned for an operation name this service does not know.</summary>
    /// <param name="operationName">The part of the target after the dot.</param>
    /// <returns>The error to send.</returns>
    Errors.AwsServiceException UnknownOperation(string operationName);

    /// <summary>
    /// Creates the error for a member whose JSON text escapes a lone UTF-16 surrogate (not a character). DynamoDB's
    /// services answer a <c>SerializationException</c>; SQS overrides it with its own errors.
    /// </summary>
    /// <param name="operationName">The part of the target after the dot.</param>
    /// <param name="member">The member holding the text.</param>
    /// <returns>The error to send.</returns>
    Errors.AwsServiceException InvalidText(string operationName, string member) =>
        new("com.amazon.coral.service#SerializationException",
            $"Invalid UTF-16 text in '{member}': a lone surrogate escape (\\uD800 to \\uDFFF without its pair) is not a character.");

    /// <summary>
    /// Gets whether the service reads a lone surrogate in this member itself (to answer with a per-entry error, say),
    /// so the dispatcher lets it through; by default every member is checked.
    /// </summary>
    /// <param name="member">The member holding the text.</param>
    /// <returns><see langword="true"/> when the service checks the member's characters itself.</returns>
    bool ChecksOwnCharacters(string member) => false;

    /// <summary>Creates the service's HTTP 500 for an unexpected failure.</summary>
    /// <param name="message">What failed.</param>
    /// <returns>The error to send.</returns>
    Errors.AwsServiceException InternalError(string message) =>
        new("com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error: " + message, 500);
}
