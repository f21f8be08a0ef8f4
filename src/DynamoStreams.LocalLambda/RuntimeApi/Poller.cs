namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Represents one pending <c>/invocation/next</c> request waiting for work.
/// </summary>
/// <remarks>
/// Continuations run synchronously: the invoking thread writes the <c>/next</c> response itself instead of handing it
/// to the thread pool, which saves a thread hop per invocation. So <see cref="TryDeliver"/> must never be called under
/// a lock; <see cref="Release"/> is the form that is safe there.
/// </remarks>
internal sealed class Poller(RuntimeInstance instance)
{
    private readonly TaskCompletionSource<Invocation?> _work = new();

    public RuntimeInstance Instance { get; } = instance;

    public LinkedListNode<Poller>? Node { get; set; }

    /// <summary>Gets a task completing with the invocation, or <see langword="null"/> when the function stops.</summary>
    public Task<Invocation?> Work => _work.Task;

    /// <summary>Hands the invocation to the runtime; <see langword="false"/> when the request was aborted first.</summary>
    public bool TryDeliver(Invocation invocation) => _work.TrySetResult(invocation);

    /// <summary>Tells the runtime to exit (the function stops); safe under a lock, as the answer is written later.</summary>
    public void Release() =>
        ThreadPool.UnsafeQueueUserWorkItem(static poller => poller._work.TrySetResult(null), this, preferLocal: false);

    public void Cancel(CancellationToken cancellationToken) => _work.TrySetCanceled(cancellationToken);
}
