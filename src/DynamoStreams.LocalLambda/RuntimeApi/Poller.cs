namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Represents one pending <c>/invocation/next</c> request waiting for work.
/// </summary>
internal sealed class Poller(RuntimeInstance instance)
{
    private readonly TaskCompletionSource<Invocation?> _work = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RuntimeInstance Instance { get; } = instance;

    public LinkedListNode<Poller>? Node { get; set; }

    /// <summary>Gets a task completing with the invocation, or <see langword="null"/> when the function stops.</summary>
    public Task<Invocation?> Work => _work.Task;

    public void Deliver(Invocation? invocation) => _work.TrySetResult(invocation);

    public void Cancel(CancellationToken cancellationToken) => _work.TrySetCanceled(cancellationToken);
}
