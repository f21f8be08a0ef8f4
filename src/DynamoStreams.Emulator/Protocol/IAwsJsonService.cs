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
}
