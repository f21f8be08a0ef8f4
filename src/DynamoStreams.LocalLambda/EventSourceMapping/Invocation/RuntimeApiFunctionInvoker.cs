using DynamoStreams.LocalLambda.RuntimeApi;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Invocation;

/// <summary>Invokes functions through the local Lambda Runtime API host (real handler processes).</summary>
/// <param name="host">The host the functions are registered with.</param>
public sealed class RuntimeApiFunctionInvoker(LambdaRuntimeApiHost host) : IFunctionInvoker
{
    /// <inheritdoc />
    public async Task<FunctionInvocationResult> InvokeAsync(FunctionInvocationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new InvokeOptions
        {
            ParentContext = request.ParentContext == default ? null : request.ParentContext,
            Links = request.Links,
            Trigger = "datasource",
        };
        var result = await host.InvokeAsync(request.FunctionName, request.Payload, options, cancellationToken).ConfigureAwait(false);
        return result.Status switch
        {
            InvocationStatus.Succeeded => FunctionInvocationResult.Success(result.Payload, result.RequestId),
            InvocationStatus.FunctionError => FunctionInvocationResult.FunctionError(
                result.Error?.ErrorType ?? "Unhandled", result.Error?.ErrorMessage ?? string.Empty, result.RequestId),
            _ => FunctionInvocationResult.Throttled($"Function {request.FunctionName} has no free runtime process (throttled)."),
        };
    }
}
