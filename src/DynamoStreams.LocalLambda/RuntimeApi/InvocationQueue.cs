using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Holds one function's invocations from the invoke call to their outcome: the queue waiting for a runtime, the
/// runtimes long-polling <c>/next</c>, the running invocations with their deadlines, throttles, and the init failures
/// not yet surfaced to an invocation. It knows nothing of processes: a runtime that overruns its deadline is handed to
/// the caller's <c>onTimedOut</c> callback to be killed.
/// </summary>
/// <remarks>
/// Its lock guards the invocations' phase, timers and queue nodes, and <see cref="RuntimeInstance.Ready"/> and
/// <see cref="RuntimeInstance.Current"/>. It never calls out while holding the lock.
/// </remarks>
/// <param name="options">The function's options (timeout, throttle timeout, debugger flag).</param>
/// <param name="onTimedOut">Kills the supervised runtime whose invocation overran its deadline; called outside the lock.</param>
/// <param name="time">The clock of deadlines and throttles.</param>
/// <param name="logger">The host's logger.</param>
internal sealed class InvocationQueue(LambdaFunctionOptions options, Action<RuntimeInstance> onTimedOut, TimeProvider time, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Invocation> _pending = new();
    private readonly WaitingRuntimes _waiting = new();
    private readonly Dictionary<string, Invocation> _running = new(StringComparer.Ordinal);
    private readonly Queue<InitFailure> _initFailures = new();
    private volatile bool _debuggerAttached = options.DebuggerAttached;
    private bool _stopped;

    /// <summary>Gets or sets a value indicating whether deadlines are suspended (a debugger is attached).</summary>
    public bool DebuggerAttached
    {
        get => _debuggerAttached;
        set => _debuggerAttached = value;
    }

    /// <summary>Gets the runtimes waiting in <c>/invocation/next</c>, the invocations waiting for one, and those running.</summary>
    public (int Waiting, int Queued, int Running) Counts
    {
        get
        {
            lock (_gate)
            {
                return (_waiting.Count, _pending.Count, _running.Count);
            }
        }
    }

    /// <summary>
    /// Queues an invocation, or fails it at once with a stored init failure. The runtime it is dispatched to, if one
    /// is waiting, is returned in <paramref name="delivery"/> to be answered with <see cref="Deliver"/>.
    /// </summary>
    /// <returns>The init failure the invocation failed with, or <see langword="null"/> when it was queued or dispatched.</returns>
    public InitFailure? Enqueue(Invocation invocation, out Poller? delivery)
    {
        delivery = null;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            invocation.Owner = this;
            if (_initFailures.TryDequeue(out var failure))
            {
                invocation.Phase = InvocationPhase.Done;
                invocation.SetResult(CreateError(invocation, failure.ToError(invocation.RequestId)));
                return failure;
            }

            delivery = TakePoller(invocation);
            if (delivery is null)
            {
                invocation.QueueNode = _pending.AddLast(invocation);
                StartThrottleTimer(invocation);
            }

            return null;
        }
    }

    /// <summary>Answers the runtime's <c>/next</c> on this thread; an aborted request puts the invocation back.</summary>
    public void Deliver(Poller? poller, Invocation invocation)
    {
        if (poller is not null && !poller.TryDeliver(invocation))
        {
            Requeue(invocation);
        }
    }

    /// <summary>Waits for the next invocation for <paramref name="instance"/>; <see langword="null"/> when the function stops.</summary>
    public Task<Invocation?> NextAsync(RuntimeInstance instance, CancellationToken cancellationToken)
    {
        Poller poller;
        lock (_gate)
        {
            if (_stopped)
            {
                return Task.FromResult<Invocation?>(null);
            }

            instance.Ready = true;
            if (_pending.First is { } first)
            {
                _pending.RemoveFirst();
                Dispatch(first.Value, instance);
                return Task.FromResult<Invocation?>(first.Value);
            }

            poller = _waiting.Add(instance);
        }

        return WaitAsync(poller, cancellationToken);
    }

    /// <summary>Tells whether <paramref name="requestId"/> names a running invocation.</summary>
    public bool IsRunning(string requestId)
    {
        lock (_gate)
        {
            return _running.ContainsKey(requestId);
        }
    }

    /// <summary>Takes a running invocation to complete it; <see langword="false"/> for unknown or finished ids.</summary>
    public bool TryTakeRunning(string requestId, out Invocation invocation)
    {
        lock (_gate)
        {
            if (!_running.Remove(requestId, out invocation!))
            {
                return false;
            }

            Finish(invocation);
            return true;
        }
    }

    /// <summary>Puts back an invocation whose <c>/next</c> response could not be written; it never reached the runtime.</summary>
    public void Requeue(Invocation invocation)
    {
        Poller? poller;
        lock (_gate)
        {
            if (invocation.Phase != InvocationPhase.Running || _stopped)
            {
                return;
            }

            _running.Remove(invocation.RequestId);
            Finish(invocation);
            invocation.Phase = InvocationPhase.Queued;
            poller = TakePoller(invocation);
            if (poller is null)
            {
                invocation.QueueNode = _pending.AddFirst(invocation);
                StartThrottleTimer(invocation);
            }
        }

        Deliver(poller, invocation);
    }

    /// <summary>Withdraws a queued invocation whose caller gave up; a running one runs on and its result is dropped.</summary>
    public void Cancel(Invocation invocation, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (invocation.Phase == InvocationPhase.Queued && invocation.QueueNode is { } node)
            {
                _pending.Remove(node);
                invocation.QueueNode = null;
                invocation.Phase = InvocationPhase.Done;
                invocation.Timer?.Dispose();
            }
        }

        invocation.SetCanceled(cancellationToken);
    }

    /// <summary>
    /// Surfaces an init failure to the first waiting invocation, or keeps it for the next one.
    /// </summary>
    /// <returns><see langword="true"/> when invocations are still waiting for a runtime (the slot should start again).</returns>
    public bool ReportInitFailure(InitFailure failure)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return false;
            }

            SurfaceOrStore(failure);
            return _pending.Count > 0;
        }
    }

    /// <summary>
    /// Settles what a runtime that exited leaves behind: its waiting <c>/next</c> ends, its running invocation fails
    /// with the exit, and an exit before it ever asked for work becomes an init failure unless the exit is explained.
    /// </summary>
    /// <param name="instance">The runtime that exited.</param>
    /// <param name="exitCode">Its exit code.</param>
    /// <param name="explained">The exit was expected: the host killed it, or it had reported <c>/init/error</c>.</param>
    /// <returns>What the exit interrupted, and whether invocations are waiting for a runtime.</returns>
    public (RuntimeExit Exit, bool InvocationsWaiting) RuntimeExited(RuntimeInstance instance, int exitCode, bool explained)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return (RuntimeExit.Stopped, false);
            }

            _waiting.ReleaseOf(instance);
            RuntimeExit exit;
            if (instance.Current is { Phase: InvocationPhase.Running } current)
            {
                _running.Remove(current.RequestId);
                Finish(current);
                current.SetResult(CreateError(current, FunctionErrors.Exit(current.RequestId, exitCode, FunctionErrorKind.RuntimeExit)));
                exit = RuntimeExit.Invocation;
            }
            else if (!instance.Ready && !explained)
            {
                SurfaceOrStore(new InitFailure(null, null, exitCode, instance.Slot));
                exit = RuntimeExit.Init;
            }
            else
            {
                exit = RuntimeExit.Idle;
            }

            return (exit, _pending.Count > 0);
        }
    }

    /// <summary>Stops the queue: waiting and running invocations fail, waiting runtimes are told to exit.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            var stopped = new ObjectDisposedException(nameof(LambdaRuntimeApiHost), $"Function '{options.Name}' was unregistered or its host stopped.");
            foreach (var invocation in _pending)
            {
                invocation.Timer?.Dispose();
                invocation.SetException(stopped);
            }

            foreach (var invocation in _running.Values)
            {
                invocation.Timer?.Dispose();
                invocation.SetException(stopped);
            }

            _waiting.ReleaseAll();
            _pending.Clear();
            _running.Clear();
        }
    }

    /// <summary>Builds the result of a failed invocation, with the error document as its payload.</summary>
    public InvocationResult CreateError(Invocation invocation, FunctionError error, ReadOnlyMemory<byte> document = default) =>
        invocation.ToResult(InvocationStatus.FunctionError, document.IsEmpty ? ErrorDocument.Serialize(error) : document, error, time.GetElapsedTime(invocation.StartTimestamp));

    /// <summary>Builds the result of a successful invocation.</summary>
    public InvocationResult CreateSuccess(Invocation invocation, ReadOnlyMemory<byte> payload) =>
        invocation.ToResult(InvocationStatus.Succeeded, payload, null, time.GetElapsedTime(invocation.StartTimestamp));

    private async Task<Invocation?> WaitAsync(Poller poller, CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                _waiting.Remove(poller);
            }

            poller.Cancel(cancellationToken);
        }).ConfigureAwait(false);
        return await poller.Work.ConfigureAwait(false);
    }

    /// <summary>Dispatches the invocation to the first waiting runtime, to be delivered once the lock is released.</summary>
    private Poller? TakePoller(Invocation invocation)
    {
        var poller = _waiting.TakeOldest();
        if (poller is not null)
        {
            Dispatch(invocation, poller.Instance);
        }

        return poller;
    }

    private void StartThrottleTimer(Invocation invocation)
    {
        invocation.Timer?.Dispose();
        invocation.Timer = time.CreateTimer(
            static state => ((Invocation)state!).Owner!.OnThrottle((Invocation)state!),
            invocation,
            options.ThrottleTimeout,
            Timeout.InfiniteTimeSpan);
    }

    private void Dispatch(Invocation invocation, RuntimeInstance instance)
    {
        invocation.Timer?.Dispose();
        invocation.QueueNode = null;
        invocation.Phase = InvocationPhase.Running;
        invocation.Instance = instance;
        invocation.DispatchTimestamp = time.GetTimestamp();
        invocation.Deadline = time.GetUtcNow() + options.Timeout;
        instance.Current = invocation;
        _running[invocation.RequestId] = invocation;
        invocation.Timer = time.CreateTimer(
            static state => ((Invocation)state!).Owner!.OnTimeout((Invocation)state!),
            invocation,
            options.Timeout,
            Timeout.InfiniteTimeSpan);
    }

    private void Finish(Invocation invocation)
    {
        invocation.Phase = InvocationPhase.Done;
        invocation.Timer?.Dispose();
        invocation.Timer = null;
        if (invocation.Instance is { } instance && ReferenceEquals(instance.Current, invocation))
        {
            instance.Current = null;
        }
    }

    private void SurfaceOrStore(InitFailure failure)
    {
        if (_pending.First is { } first)
        {
            var invocation = first.Value;
            _pending.RemoveFirst();
            invocation.QueueNode = null;
            invocation.Timer?.Dispose();
            invocation.Phase = InvocationPhase.Done;
            invocation.SetResult(CreateError(invocation, failure.ToError(invocation.RequestId)));
        }
        else
        {
            _initFailures.Enqueue(failure);
        }
    }

    private void OnThrottle(Invocation invocation)
    {
        lock (_gate)
        {
            if (invocation.Phase != InvocationPhase.Queued || invocation.QueueNode is not { } node)
            {
                return;
            }

            _pending.Remove(node);
            invocation.QueueNode = null;
            invocation.Phase = InvocationPhase.Done;
        }

        RuntimeApiLog.Throttled(logger, options.Name, invocation.RequestId, options.ThrottleTimeout.TotalSeconds);
        invocation.SetResult(invocation.ToResult(InvocationStatus.Throttled, ReadOnlyMemory<byte>.Empty, null, time.GetElapsedTime(invocation.StartTimestamp)));
    }

    private void OnTimeout(Invocation invocation)
    {
        lock (_gate)
        {
            if (invocation.Phase != InvocationPhase.Running || _debuggerAttached)
            {
                return;
            }

            _running.Remove(invocation.RequestId);
            Finish(invocation);
        }

        var elapsed = time.GetElapsedTime(invocation.DispatchTimestamp);
        var error = FunctionErrors.Timeout(invocation.RequestId, elapsed > options.Timeout ? elapsed : options.Timeout);
        RuntimeApiLog.TimedOut(logger, options.Name, invocation.RequestId, options.Timeout.TotalSeconds);
        invocation.SetResult(CreateError(invocation, error));
        if (invocation.Instance is { IsSupervised: true } instance)
        {
            onTimedOut(instance);
        }
    }
}
