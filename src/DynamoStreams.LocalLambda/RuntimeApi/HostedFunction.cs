using DynamoStreams.LocalLambda.Processes;
using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Runs one registered function: the queue of invocations, the runtimes polling for them, deadlines and throttles.
/// Supervision of its processes lives in the other part of this class.
/// </summary>
internal sealed partial class HostedFunction
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Invocation> _pending = new();
    private readonly LinkedList<Poller> _pollers = new();
    private readonly Dictionary<string, Invocation> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RuntimeInstance> _instances = new(StringComparer.Ordinal);
    private readonly Queue<InitFailure> _initFailures = new();
    private readonly RuntimeInstance _external = new(string.Empty, -1);
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile bool _debuggerAttached;
    private bool _stopped;

    public HostedFunction(
        LambdaFunctionOptions options,
        IFunctionProcessRunner? runner,
        Func<string?, string> runtimeApiAddress,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        Options = options;
        FunctionArn = options.FunctionArn;
        _runner = runner;
        _runtimeApiAddress = runtimeApiAddress;
        _time = timeProvider;
        _logger = loggerFactory.CreateLogger("DynamoStreams.LocalLambda.RuntimeApi");
        _processLogger = loggerFactory.CreateLogger("DynamoStreams.LocalLambda.Function." + options.Name);
        _debuggerAttached = options.DebuggerAttached;
        _slots = new RuntimeInstance?[runner is null ? 0 : options.Concurrency];
        _starting = new bool[_slots.Length];
    }

    public LambdaFunctionOptions Options { get; }

    public string FunctionArn { get; }

    public bool DebuggerAttached
    {
        get => _debuggerAttached;
        set => _debuggerAttached = value;
    }

    /// <summary>Gets the number of runtimes waiting in <c>/invocation/next</c>.</summary>
    public int WaitingRuntimes
    {
        get
        {
            lock (_gate)
            {
                return _pollers.Count;
            }
        }
    }

    /// <summary>Gets the number of invocations waiting for a runtime.</summary>
    public int QueuedInvocations
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Gets the number of invocations a runtime is working on.</summary>
    public int RunningInvocations
    {
        get
        {
            lock (_gate)
            {
                return _running.Count;
            }
        }
    }

    /// <summary>Finds the runtime instance addressed by a request path (empty id: the unsupervised instance).</summary>
    public bool TryGetInstance(string? instanceId, out RuntimeInstance instance)
    {
        if (string.IsNullOrEmpty(instanceId))
        {
            instance = _external;
            return true;
        }

        lock (_gate)
        {
            return _instances.TryGetValue(instanceId, out instance!);
        }
    }

    /// <summary>Queues an invocation, surfacing a stored init failure to it first if there is one.</summary>
    public void Enqueue(Invocation invocation)
    {
        List<int>? toStart = null;
        Poller? poller = null;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            invocation.Owner = this;
            if (_initFailures.TryDequeue(out var failure))
            {
                invocation.Phase = InvocationPhase.Done;
                invocation.SetResult(CreateError(invocation, failure.ToError(invocation.RequestId)));
                if (failure.Slot >= 0)
                {
                    (toStart ??= []).Add(failure.Slot);
                }
            }
            else
            {
                poller = TakePoller(invocation);
                if (poller is null)
                {
                    QueueLast(invocation);
                }

                toStart = DeadSlots();
            }
        }

        StartSlots(toStart);
        Deliver(poller, invocation);
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

            poller = new Poller(instance);
            poller.Node = _pollers.AddLast(poller);
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

    /// <summary>Builds the result of a failed invocation, with the error document as its payload.</summary>
    public InvocationResult CreateError(Invocation invocation, FunctionError error, ReadOnlyMemory<byte> document = default) =>
        new(
            InvocationStatus.FunctionError,
            invocation.RequestId,
            document.IsEmpty ? ErrorDocument.Serialize(error) : document,
            error,
            _time.GetElapsedTime(invocation.StartTimestamp),
            invocation.TraceHeader,
            invocation.TraceContext);

    /// <summary>Builds the result of a successful invocation.</summary>
    public InvocationResult CreateSuccess(Invocation invocation, ReadOnlyMemory<byte> payload) =>
        new(
            InvocationStatus.Succeeded,
            invocation.RequestId,
            payload,
            null,
            _time.GetElapsedTime(invocation.StartTimestamp),
            invocation.TraceHeader,
            invocation.TraceContext);

    private async Task<Invocation?> WaitAsync(Poller poller, CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                if (poller.Node is { List: not null } node)
                {
                    _pollers.Remove(node);
                }
            }

            poller.Cancel(cancellationToken);
        }).ConfigureAwait(false);
        return await poller.Work.ConfigureAwait(false);
    }

    /// <summary>Dispatches the invocation to the first waiting runtime, to be delivered once the lock is released.</summary>
    private Poller? TakePoller(Invocation invocation)
    {
        while (_pollers.First is { } first)
        {
            _pollers.RemoveFirst();
            var poller = first.Value;
            if (poller.Work.IsCompleted)
            {
                continue;
            }

            Dispatch(invocation, poller.Instance);
            return poller;
        }

        return null;
    }

    /// <summary>Answers the runtime's <c>/next</c> on this thread; an aborted request puts the invocation back.</summary>
    private void Deliver(Poller? poller, Invocation invocation)
    {
        if (poller is not null && !poller.TryDeliver(invocation))
        {
            Requeue(invocation);
        }
    }

    private void QueueLast(Invocation invocation)
    {
        invocation.QueueNode = _pending.AddLast(invocation);
        StartThrottleTimer(invocation);
    }

    private void StartThrottleTimer(Invocation invocation)
    {
        invocation.Timer?.Dispose();
        invocation.Timer = _time.CreateTimer(
            static state => ((Invocation)state!).Owner!.OnThrottle((Invocation)state!),
            invocation,
            Options.ThrottleTimeout,
            Timeout.InfiniteTimeSpan);
    }

    private void Dispatch(Invocation invocation, RuntimeInstance instance)
    {
        invocation.Timer?.Dispose();
        invocation.QueueNode = null;
        invocation.Phase = InvocationPhase.Running;
        invocation.Instance = instance;
        invocation.DispatchTimestamp = _time.GetTimestamp();
        invocation.Deadline = _time.GetUtcNow() + Options.Timeout;
        instance.Current = invocation;
        _running[invocation.RequestId] = invocation;
        invocation.Timer = _time.CreateTimer(
            static state => ((Invocation)state!).Owner!.OnTimeout((Invocation)state!),
            invocation,
            Options.Timeout,
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

        RuntimeApiLog.Throttled(_logger, Options.Name, invocation.RequestId, Options.ThrottleTimeout.TotalSeconds);
        invocation.SetResult(new InvocationResult(
            InvocationStatus.Throttled,
            invocation.RequestId,
            ReadOnlyMemory<byte>.Empty,
            null,
            _time.GetElapsedTime(invocation.StartTimestamp),
            invocation.TraceHeader,
            invocation.TraceContext));
    }

    private void OnTimeout(Invocation invocation)
    {
        RuntimeInstance? toKill = null;
        lock (_gate)
        {
            if (invocation.Phase != InvocationPhase.Running || _debuggerAttached)
            {
                return;
            }

            _running.Remove(invocation.RequestId);
            Finish(invocation);
            if (invocation.Instance is { IsSupervised: true } instance)
            {
                instance.Killing = true;
                toKill = instance;
            }
        }

        var elapsed = _time.GetElapsedTime(invocation.DispatchTimestamp);
        var error = FunctionErrors.Timeout(invocation.RequestId, elapsed > Options.Timeout ? elapsed : Options.Timeout);
        RuntimeApiLog.TimedOut(_logger, Options.Name, invocation.RequestId, Options.Timeout.TotalSeconds);
        invocation.SetResult(CreateError(invocation, error));
        if (toKill?.Process is { } process)
        {
            _ = process.KillAsync();
        }
    }
}
