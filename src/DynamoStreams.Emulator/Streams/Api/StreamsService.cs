using DynamoStreams.Emulator.Errors;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.Streams.Api;

/// <summary>
/// Declares the DynamoDB Streams service (<c>DynamoDBStreams_20120810</c>) on the emulator's port.
/// </summary>
public sealed class StreamsService : IAwsJsonService
{
    /// <inheritdoc/>
    public string TargetPrefix => StreamsOperations.TargetPrefix;

    /// <inheritdoc/>
    public IAwsErrorWriter ErrorWriter => AwsJsonErrorWriter.Instance;

    /// <inheritdoc/>
    public AwsServiceException UnknownOperation(string operationName) =>
        new("com.amazon.coral.service#UnknownOperationException", null);
}
