using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.DynamoDb;

/// <summary>
/// Declares the DynamoDB service (<c>DynamoDB_20120810</c>) and its error shape.
/// </summary>
internal sealed class DynamoDbService : IAwsJsonService
{
    /// <summary>The target prefix of DynamoDB's operations.</summary>
    public const string Prefix = "DynamoDB_20120810";

    /// <inheritdoc />
    public string TargetPrefix => Prefix;

    /// <inheritdoc />
    public IAwsErrorWriter ErrorWriter => AwsJsonErrorWriter.Instance;

    /// <inheritdoc />
    public AwsServiceException UnknownOperation(string operationName) => DynamoDbErrors.UnknownOperation();
}
