using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Streams.Storage;

namespace DynamoStreams.Emulator.Streams.Operations;

/// <summary>
/// Base of the Streams operations: serves <c>DynamoDBStreams_20120810.&lt;Name&gt;</c> over the <see cref="StreamStore"/>
/// and writes the action's members into one response object.
/// </summary>
internal abstract class StreamsOperation : IAwsJsonOperation
{
    /// <summary>Initializes the operation.</summary>
    /// <param name="name">The operation name, for example <c>GetRecords</c>.</param>
    /// <param name="store">The streams.</param>
    protected StreamsOperation(string name, StreamStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
        Target = StreamsService.Prefix + "." + name;
    }

    /// <inheritdoc/>
    public string Target { get; }

    /// <summary>Gets the streams.</summary>
    protected StreamStore Store { get; }

    /// <inheritdoc/>
    public bool CompletesSynchronously => true;

    /// <inheritdoc />
    public ValueTask ExecuteAsync(AwsRequest request, Utf8JsonWriter response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var members = new StreamsRequest(request.Body);
        response.WriteStartObject();
        Execute(members, request, response);
        response.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs the action and writes its members into the open response object.</summary>
    /// <param name="members">The request's members, read with the service's validation messages.</param>
    /// <param name="request">The request (body and region).</param>
    /// <param name="response">The writer of the response object.</param>
    /// <exception cref="StreamsException">The request fails.</exception>
    protected abstract void Execute(StreamsRequest members, AwsRequest request, Utf8JsonWriter response);
}
