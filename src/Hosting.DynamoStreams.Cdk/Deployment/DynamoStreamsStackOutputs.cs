using System.Text.Json;

namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Holds the outputs of a deployed pattern stack, as the CDK CLI writes them to its <c>--outputs-file</c>.
/// </summary>
/// <param name="StackName">The stack's name.</param>
/// <param name="Values">Every output of the stack by name (see the <see cref="DynamoStreamsStack"/> <c>*Output</c> constants).</param>
public sealed record DynamoStreamsStackOutputs(string StackName, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>Gets the table's name.</summary>
    public string? TableName => Get(DynamoStreamsStack.TableNameOutput);

    /// <summary>Gets the table's ARN.</summary>
    public string? TableArn => Get(DynamoStreamsStack.TableArnOutput);

    /// <summary>Gets the table stream's ARN.</summary>
    public string? StreamArn => Get(DynamoStreamsStack.StreamArnOutput);

    /// <summary>Gets the function's name.</summary>
    public string? FunctionName => Get(DynamoStreamsStack.FunctionNameOutput);

    /// <summary>Gets the function's ARN.</summary>
    public string? FunctionArn => Get(DynamoStreamsStack.FunctionArnOutput);

    /// <summary>Gets the dead-letter queue's URL, or null without a queue.</summary>
    public string? DeadLetterQueueUrl => Get(DynamoStreamsStack.DeadLetterQueueUrlOutput);

    /// <summary>Gets the dead-letter queue's ARN, or null without a queue.</summary>
    public string? DeadLetterQueueArn => Get(DynamoStreamsStack.DeadLetterQueueArnOutput);

    /// <summary>Gets the region the stack is in, read from the table's ARN (<c>arn:aws:dynamodb:{region}:…</c>).</summary>
    public string? Region => TableArn?.Split(':') is { Length: > 4 } parts && parts[3].Length > 0 ? parts[3] : null;

    /// <summary>
    /// Reads one stack's outputs from a CDK CLI outputs file (<c>{ "stack": { "Output": "value" } }</c>).
    /// </summary>
    /// <param name="outputsFile">The file <c>cdk deploy --outputs-file</c> wrote.</param>
    /// <param name="stackName">The stack.</param>
    /// <returns>The outputs, or null when the file or the stack in it does not exist.</returns>
    /// <exception cref="InvalidDataException">The file is not an outputs file.</exception>
    public static DynamoStreamsStackOutputs? Read(string outputsFile, string stackName)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputsFile);
        ArgumentException.ThrowIfNullOrEmpty(stackName);
        if (!File.Exists(outputsFile))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(outputsFile));
            if (!document.RootElement.TryGetProperty(stackName, out var stack) || stack.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var output in stack.EnumerateObject())
            {
                values[output.Name] = output.Value.ValueKind == JsonValueKind.String ? output.Value.GetString()! : output.Value.GetRawText();
            }

            return new DynamoStreamsStackOutputs(stackName, values);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The stack outputs file '{outputsFile}' is not the JSON the CDK CLI writes with --outputs-file: {ex.Message} Delete it and deploy again.", ex);
        }
    }

    private string? Get(string name) => Values.TryGetValue(name, out var value) ? value : null;
}
