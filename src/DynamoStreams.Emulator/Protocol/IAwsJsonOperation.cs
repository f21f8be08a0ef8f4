using System.Text.Json;

namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Implements one AWS JSON 1.0 operation. Implementations are discovered at startup and created once
/// through dependency injection; <see cref="Target"/> routes requests to them, so adding an operation
/// is adding a class.
/// </summary>
internal interface IAwsJsonOperation
{
    /// <summary>Gets the full <c>X-Amz-Target</c> value, for example <c>DynamoDB_20120810.PutItem</c>.</summary>
    string Target { get; }

    /// <summary>
    /// Gets whether <see cref="ExecuteAsync"/> always completes before it returns (no <c>await</c> inside), so the
    /// request's context need not follow it across threads (<see cref="CurrentRequest"/>).
    /// </summary>
    bool CompletesSynchronously => false;

    /// <summary>Runs the operation and writes its JSON response object.</summary>
    /// <param name="request">The parsed request and its context.</param>
    /// <param name="response">The writer of the response body; write exactly one JSON object.</param>
    /// <param name="cancellationToken">Cancels the operation when the client goes away.</param>
    /// <returns>A task that completes when the response is written.</returns>
    /// <exception cref="Errors.AwsServiceException">The request fails with an AWS error.</exception>
    ValueTask ExecuteAsync(AwsRequest request, Utf8JsonWriter response, CancellationToken cancellationToken);
}
