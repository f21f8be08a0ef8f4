namespace DynamoStreams.LocalLambda.EventSourceMapping.Invocation;

/// <summary>Invokes a function synchronously for the engine (implemented over the local Runtime API host).</summary>
public interface IFunctionInvoker
{
    /// <summary>Invokes the function with one batch and waits for its outcome.</summary>
    /// <param name="request">The function, payload and trace context.</param>
    /// <param name="cancellationToken">Cancels the invocation; its records are then delivered again later.</param>
    /// <returns>The outcome.</returns>
    Task<FunctionInvocationResult> InvokeAsync(FunctionInvocationRequest request, CancellationToken cancellationToken);
}
