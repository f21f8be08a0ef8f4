using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.Sqs;

/// <summary>
/// Declares the SQS service (<c>AmazonSQS</c>) on the emulator's port, with its query-compatible errors.
/// </summary>
internal sealed class SqsService : IAwsJsonService
{
    /// <summary>The target prefix of SQS's operations.</summary>
    public const string Prefix = "AmazonSQS";

    /// <inheritdoc/>
    public string TargetPrefix => Prefix;

    /// <inheritdoc/>
    public IAwsErrorWriter ErrorWriter { get; } = new SqsErrorWriter();

    /// <inheritdoc/>
    public AwsServiceException UnknownOperation(string operationName) => SqsErrors.InvalidAction(operationName);

    /// <inheritdoc/>
    public AwsServiceException InvalidText(string operationName, string member) =>
        member is "MessageBody" or "StringValue"
            ? SqsErrors.InvalidMessageContents()
            : SqsErrors.InvalidParameterValue($"Value for parameter {member} is invalid. Reason: it contains a lone UTF-16 surrogate, which is not a character.");

    /// <inheritdoc/>
    public bool ChecksOwnCharacters(string member) => member == "MessageBody";

    /// <inheritdoc/>
    public AwsServiceException InternalError(string message) => SqsErrors.InternalFailure(message);
}
