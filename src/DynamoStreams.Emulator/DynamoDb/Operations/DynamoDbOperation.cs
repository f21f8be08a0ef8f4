using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Protocol.Shapes;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>
/// Base of the DynamoDB operations: routes <c>DynamoDB_20120810.&lt;Name&gt;</c> and gives access to the shared context.
/// </summary>
internal abstract class DynamoDbOperation : IAwsJsonOperation
{
    /// <summary>Initializes the operation.</summary>
    /// <param name="name">The operation name, for example <c>PutItem</c>.</param>
    /// <param name="context">The shared context.</param>
    protected DynamoDbOperation(string name, DynamoDbContext context)
    {
        Target = DynamoDbService.Prefix + "." + name;
        Context = context;
        _input = DynamoDbShapes.InputOf(name);
    }

    private readonly Shape? _input;

    /// <inheritdoc />
    public string Target { get; }

    /// <summary>Gets the shared context.</summary>
    protected DynamoDbContext Context { get; }

    /// <inheritdoc />
    public bool CompletesSynchronously => true;

    /// <inheritdoc />
    public ValueTask ExecuteAsync(AwsRequest request, Utf8JsonWriter response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            if (_input is not null)
            {
                ShapeValidator.Validate(request.Body, _input);
            }

            Execute(request, response);
        }
        catch (DynamoValidationException exception)
        {
            throw DynamoDbErrors.Validation(exception.Message);
        }
        catch (DynamoSerializationException exception)
        {
            throw DynamoDbErrors.Serialization(exception.Message);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Runs the operation synchronously (storage is in memory) and writes the response object.</summary>
    /// <param name="request">The request.</param>
    /// <param name="response">The response writer.</param>
    protected abstract void Execute(AwsRequest request, Utf8JsonWriter response);
}
