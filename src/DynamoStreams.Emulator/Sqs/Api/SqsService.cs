using DynamoStreams.Emulator.Errors;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.Sqs.Api;

/// <summary>
/// Declares the SQS service (<c>AmazonSQS</c>) on the emulator's port, with its query-compatible errors.
/// </summary>
public sealed class SqsService : IAwsJsonService
{
    /// <summary>The target prefix of SQS's operations.</summary>
    public const string Prefix = "AmazonSQS";

    /// <inheritdoc/>
    public string TargetPrefix => Prefix;

    /// <inheritdoc/>
    public IAwsErrorWriter ErrorWriter { get; } = new SqsErrorWriter();

    /// <inheritdoc/>
    public AwsServiceException UnknownOperation(string operationName) => SqsErrors.InvalidAction(operationName);
}
