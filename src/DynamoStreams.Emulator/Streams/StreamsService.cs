using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.Streams;

/// <summary>
/// Declares the DynamoDB Streams service (<c>DynamoDBStreams_20120810</c>) on the emulator's port.
/// </summary>
internal sealed class StreamsService : IAwsJsonService
{
    /// <summary>The <c>X-Amz-Target</c> prefix of the Streams API.</summary>
    public const string Prefix = "DynamoDBStreams_20120810";

    /// <inheritdoc/>
    public string TargetPrefix => Prefix;

    /// <inheritdoc/>
    public IAwsErrorWriter ErrorWriter => AwsJsonErrorWriter.Instance;

    /// <inheritdoc/>
    public AwsServiceException UnknownOperation(string operationName) =>
        new("com.amazon.coral.service#UnknownOperationException", null);
}
