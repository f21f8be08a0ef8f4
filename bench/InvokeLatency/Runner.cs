using DynamoStreams.LocalLambda.Processes;

namespace InvokeLatency;

/// <summary>
/// Names a handler runtime and creates a runner for a new function of it.
/// </summary>
/// <param name="Name">The name printed in the results.</param>
/// <param name="Create">Creates the runner.</param>
internal sealed record Runner(string Name, Func<IFunctionProcessRunner> Create);
