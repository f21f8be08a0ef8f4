using System.Diagnostics;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Holds one invocation from the invoke call to its outcome. Phase, instance and timers change only under the
/// owning <see cref="InvocationQueue"/>'s lock.
/// </summary>
internal sealed class Invocation
{
    private readonly TaskCompletionSource<InvocationResult> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Invocation(
        string requestId,
        ReadOnlyMemory<byte> payload,
        string traceHeader,
        ActivityContext traceContext,
        InvokeOptions? options,
        long startTimestamp)
    {
        RequestId = requestId;
        Payload = payload;
        TraceHeader = traceHeader;
        TraceContext = traceContext;
        ClientContext = options?.ClientContext;
        CognitoIdentity = options?.CognitoIdentity;
        StartTimestamp = startTimestamp;
    }

    public string RequestId { get; }

    public InvocationQueue? Owner { get; set; }

    public ReadOnlyMemory<byte> Payload { get; }

    public string TraceHeader { get; }

    public ActivityContext TraceContext { get; }

    public string? ClientContext { get; }

    public string? CognitoIdentity { get; }

    public long StartTimestamp { get; }

    public InvocationPhase Phase { get; set; } = InvocationPhase.Queued;

    public LinkedListNode<Invocation>? QueueNode { get; set; }

    public RuntimeInstance? Instance { get; set; }

    public long DispatchTimestamp { get; set; }

    public DateTimeOffset Deadline { get; set; }

    public ITimer? Timer { get; set; }

    public Task<InvocationResult> Completion => _completion.Task;

    public void SetResult(InvocationResult result) => _completion.TrySetResult(result);

    /// <summary>Builds this invocation's result.</summary>
    public InvocationResult ToResult(InvocationStatus status, ReadOnlyMemory<byte> payload, FunctionError? error, TimeSpan elapsed) =>
        new(status, RequestId, payload, error, elapsed, TraceHeader, TraceContext);

    public void SetException(Exception exception) => _completion.TrySetException(exception);

    public void SetCanceled(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);
}

/// <summary>
/// Names the stages of an <see cref="Invocation"/>.
/// </summary>
internal enum InvocationPhase
{
    Queued,
    Running,
    Done,
}
