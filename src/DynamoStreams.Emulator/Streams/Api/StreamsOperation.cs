using System.Text.Json;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.Streams.Api;

/// <summary>
/// Base of the Streams operations: routes <c>DynamoDBStreams_20120810.&lt;Name&gt;</c> to <see cref="StreamsOperations"/>.
/// </summary>
public abstract class StreamsOperation : IAwsJsonOperation
{
    private readonly string _name;
    private readonly StreamsOperations _operations;

    /// <summary>Initializes the operation.</summary>
    /// <param name="name">The operation name, for example <c>GetRecords</c>.</param>
    /// <param name="operations">The Streams API implementation.</param>
    protected StreamsOperation(string name, StreamsOperations operations)
    {
        _name = name;
        _operations = operations;
        Target = StreamsOperations.TargetPrefix + "." + name;
    }

    /// <inheritdoc/>
    public string Target { get; }

    /// <inheritdoc/>
    public ValueTask ExecuteAsync(AwsRequest request, Utf8JsonWriter response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _operations.Execute(_name, request.Body, request.Region, response);
        return ValueTask.CompletedTask;
    }
}
