using DynamoStreams.LocalLambda.EventSourceMapping.Invocation;
using DynamoStreams.LocalLambda.RuntimeApi;

namespace Aspire.Hosting.DynamoStreams.Local.Lambda;

/// <summary>
/// Invokes functions for the mapping engine through the AppHost's Runtime API host, where the handler processes poll.
/// </summary>
/// <param name="host">The runtime host.</param>
/// <param name="health">Records how each invocation ended, for the functions' health checks.</param>
internal sealed class RuntimeHostInvoker(LambdaRuntimeApiHost host, FunctionHealthTracker health) : IFunctionInvoker
{
    /// <inheritdoc />
    public async Task<FunctionInvocationResult> InvokeAsync(FunctionInvocationRequest request, CancellationToken cancellationToken)
    {
        var options = new InvokeOptions { ParentContext = request.ParentContext == default ? null : request.ParentContext, Links = request.Links };
        var result = await host.InvokeAsync(request.FunctionName, request.Payload, options, cancellationToken).ConfigureAwait(false);
        health.Record(request.FunctionName, result.Status, result.Error);
        return result.Status switch
        {
            InvocationStatus.Succeeded => FunctionInvocationResult.Success(result.Payload, result.RequestId),
            InvocationStatus.Throttled => FunctionInvocationResult.Throttled(result.Error?.ErrorMessage ?? "Rate Exceeded."),
            _ => new FunctionInvocationResult
            {
                Outcome = FunctionInvocationOutcome.FunctionError,
                ErrorType = result.Error?.ErrorType ?? "Unhandled",
                ErrorMessage = result.Error?.ErrorMessage ?? "The function failed.",
                RequestId = result.RequestId,
                InitFailed = result.Error?.Kind == FunctionErrorKind.InitError,
            },
        };
    }
}
