namespace DynamoStreams.LocalLambda.Processes;

/// <summary>
/// Describes how a function's code runs, as reported in its environment (spec C.3).
/// </summary>
/// <param name="Handler">The value of <c>_HANDLER</c> (for example <c>index.handler</c> or an assembly name).</param>
/// <param name="TaskRoot">The value of <c>LAMBDA_TASK_ROOT</c>: the folder holding the function's code.</param>
/// <param name="RuntimeDirectory">The value of <c>LAMBDA_RUNTIME_DIR</c>: the folder holding the runtime.</param>
/// <param name="ExecutionEnvironment">The value of <c>AWS_EXECUTION_ENV</c> (for example <c>AWS_Lambda_nodejs22.x</c>), or <see langword="null"/> for a custom runtime, which has none.</param>
public sealed record FunctionRuntimeInfo(
    string Handler,
    string TaskRoot,
    string RuntimeDirectory,
    string? ExecutionEnvironment);
