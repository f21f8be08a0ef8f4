namespace DynamoStreams.LocalLambda.Processes;

/// <summary>
/// Configures a <see cref="NodeFunctionRunner"/>.
/// </summary>
public sealed class NodeFunctionRunnerOptions
{
    /// <summary>Gets the handler, <c>module.function</c> relative to the code folder. Defaults to <c>index.handler</c>.</summary>
    public string Handler { get; init; } = "index.handler";

    /// <summary>Gets the Node.js executable; <c>node</c> on the PATH by default.</summary>
    public string NodeExecutable { get; init; } = "node";

    /// <summary>Gets the path of the runtime shim; the shim embedded in this package (<see cref="NodeRuntime.NodeRuntimeShim"/>) by default.</summary>
    public string? ShimPath { get; init; }

    /// <summary>Gets the value of <c>AWS_EXECUTION_ENV</c>. Defaults to <c>AWS_Lambda_nodejs24.x</c>.</summary>
    public string? ExecutionEnvironment { get; init; } = "AWS_Lambda_nodejs24.x";
}
