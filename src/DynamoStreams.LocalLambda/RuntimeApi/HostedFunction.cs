using DynamoStreams.LocalLambda.Processes;
using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Runs one registered function by composing its two halves, each with its own state and lock: the
/// <see cref="InvocationQueue"/> (pending, <c>/next</c>, responses, errors, deadlines, throttles) and the
/// <see cref="ProcessSupervisor"/> (start, restart, crash, init failure, kill). The queue reports a runtime that
/// overran its deadline to the supervisor; the supervisor reports starts that failed and exits to the queue.
/// </summary>
internal sealed class HostedFunction
{
    private readonly InvocationQueue _queue;
    private readonly ProcessSupervisor _supervisor;

    public HostedFunction(
        LambdaFunctionOptions options,
        IFunctionProcessRunner? runner,
        Func<string?, string> runtimeApiAddress,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        Options = options;
        FunctionArn = options.FunctionArn;
        var logger = loggerFactory.CreateLogger("DynamoStreams.LocalLambda.RuntimeApi");
        ProcessSupervisor? supervisor = null;
        _queue = new InvocationQueue(options, instance => supervisor!.Kill(instance), timeProvider, logger);
        _supervisor = supervisor = new ProcessSupervisor(
            options,
            _queue,
            runner,
            runtimeApiAddress,
            timeProvider,
            logger,
            loggerFactory.CreateLogger("DynamoStreams.LocalLambda.Function." + options.Name));
    }

    public LambdaFunctionOptions Options { get; }

    public string FunctionArn { get; }

    public bool DebuggerAttached
    {
        get => _queue.DebuggerAttached;
        set => _queue.DebuggerAttached = value;
    }

    /// <summary>Gets the number of runtimes waiting in <c>/invocation/next</c>.</summary>
    public int WaitingRuntimes => _queue.Counts.Waiting;

    /// <summary>Gets the number of invocations waiting for a runtime.</summary>
    public int QueuedInvocations => _queue.Counts.Queued;

    /// <summary>Gets the number of invocations a runtime is working on.</summary>
    public int RunningInvocations => _queue.Counts.Running;

    /// <summary>Starts one process per concurrency slot (nothing when the processes are started elsewhere).</summary>
    public void StartSupervision() => _supervisor.StartIdleSlots();

    /// <summary>Finds the runtime instance addressed by a request path (empty id: the unsupervised instance).</summary>
    public bool TryGetInstance(string? instanceId, out RuntimeInstance instance) => _supervisor.TryGetInstance(instanceId, out instance);

    /// <summary>
    /// Queues an invocation, surfacing a stored init failure to it first if there is one; then restarts the slot the
    /// failure came from, or any slot without a process, before the waiting runtime (if any) is answered.
    /// </summary>
    public void Enqueue(Invocation invocation)
    {
        var surfaced = _queue.Enqueue(invocation, out var delivery);
        if (surfaced is null)
        {
            _supervisor.StartIdleSlots();
        }
        else
        {
            _supervisor.StartSlot(surfaced.Slot);
        }

        _queue.Deliver(delivery, invocation);
    }

    /// <summary>Waits for the next invocation for <paramref name="instance"/>; <see langword="null"/> when the function stops.</summary>
    public Task<Invocation?> NextAsync(RuntimeInstance instance, CancellationToken cancellationToken) =>
        _queue.NextAsync(instance, cancellationToken);

    /// <summary>Tells whether <paramref name="requestId"/> names a running invocation.</summary>
    public bool IsRunning(string requestId) => _queue.IsRunning(requestId);

    /// <summary>Takes a running invocation to complete it; <see langword="false"/> for unknown or finished ids.</summary>
    public bool TryTakeRunning(string requestId, out Invocation invocation) => _queue.TryTakeRunning(requestId, out invocation);

    /// <summary>Puts back an invocation whose <c>/next</c> response could not be written; it never reached the runtime.</summary>
    public void Requeue(Invocation invocation) => _queue.Requeue(invocation);

    /// <summary>Withdraws a queued invocation whose caller gave up; a running one runs on and its result is dropped.</summary>
    public void Cancel(Invocation invocation, CancellationToken cancellationToken) => _queue.Cancel(invocation, cancellationToken);

    /// <summary>Handles <c>/init/error</c>: the failure goes to a waiting invocation or waits for the next one.</summary>
    public void ReportInitError(RuntimeInstance instance, FunctionError error) => _supervisor.ReportInitError(instance, error);

    /// <summary>Builds the result of a failed invocation, with the error document as its payload.</summary>
    public InvocationResult CreateError(Invocation invocation, FunctionError error, ReadOnlyMemory<byte> document = default) =>
        _queue.CreateError(invocation, error, document);

    /// <summary>Builds the result of a successful invocation.</summary>
    public InvocationResult CreateSuccess(Invocation invocation, ReadOnlyMemory<byte> payload) =>
        _queue.CreateSuccess(invocation, payload);

    /// <summary>Stops the function: waiting callers fail, runtimes are told to exit, processes are killed.</summary>
    public async Task StopAsync()
    {
        _queue.Stop();
        await _supervisor.StopAsync().ConfigureAwait(false);
    }
}
