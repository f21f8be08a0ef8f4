using DynamoStreams.LocalLambda.Processes;
using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Supervises the function's runtime processes: one per concurrency slot, restarted after a crash or a timeout,
/// and restarted lazily after an init failure so that a broken function does not spin.
/// </summary>
internal sealed partial class HostedFunction
{
    private readonly IFunctionProcessRunner? _runner;
    private readonly Func<string?, string> _runtimeApiAddress;
    private readonly ILogger _processLogger;
    private readonly RuntimeInstance?[] _slots;
    private readonly bool[] _starting;
    private readonly CancellationTokenSource _stopping = new();
    private int _generation;

    /// <summary>Starts one process per concurrency slot (nothing when the processes are started elsewhere).</summary>
    public void StartSupervision()
    {
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            StartSlot(slot);
        }
    }

    /// <summary>Handles <c>/init/error</c>: the failure goes to a waiting invocation or waits for the next one.</summary>
    public void ReportInitError(RuntimeInstance instance, FunctionError error)
    {
        lock (_gate)
        {
            if (_stopped || instance.InitFailureReported)
            {
                return;
            }

            instance.InitFailureReported = true;
            SurfaceOrStore(new InitFailure(error, null, 0, instance.Slot));
        }

        RuntimeApiLog.InitFailed(_logger, Options.Name, error.ErrorType, error.ErrorMessage);
        if (instance.Process is { } process)
        {
            _ = EnsureExitAsync(process);
        }
    }

    /// <summary>Stops the function: waiting callers fail, runtimes are told to exit, processes are killed.</summary>
    public async Task StopAsync()
    {
        List<FunctionProcess> processes = [];
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            var stopped = new ObjectDisposedException(nameof(LambdaRuntimeApiHost), $"Function '{Options.Name}' was unregistered or its host stopped.");
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

            foreach (var poller in _pollers)
            {
                poller.Release();
            }

            _pending.Clear();
            _running.Clear();
            _pollers.Clear();
            foreach (var instance in _instances.Values)
            {
                instance.Killing = true;
                if (instance.Process is { } process)
                {
                    processes.Add(process);
                }
            }
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var process in processes)
        {
            await process.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private void StartSlots(List<int>? slots)
    {
        if (slots is null)
        {
            return;
        }

        foreach (var slot in slots)
        {
            StartSlot(slot);
        }
    }

    private List<int>? DeadSlots()
    {
        List<int>? dead = null;
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            if (_slots[slot] is null && !_starting[slot])
            {
                (dead ??= []).Add(slot);
            }
        }

        return dead;
    }

    private void StartSlot(int slot)
    {
        RuntimeInstance instance;
        lock (_gate)
        {
            if (_stopped || _starting[slot] || _slots[slot] is not null)
            {
                return;
            }

            _starting[slot] = true;
            instance = new RuntimeInstance($"{slot}-{++_generation}", slot) { StartTimestamp = _time.GetTimestamp() };
            _instances[instance.Id] = instance;
            _slots[slot] = instance;
        }

        _ = RunSlotAsync(instance);
    }

    private async Task RunSlotAsync(RuntimeInstance instance)
    {
        FunctionProcess process;
        try
        {
            var environment = FunctionEnvironment.Create(Options, _runtimeApiAddress(instance.Id), _runner!.Runtime);
            process = await _runner.StartAsync(environment, _processLogger, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
        catch (FunctionInitException exception)
        {
            OnStartFailed(instance, new InitFailure(
                new FunctionError(FunctionErrorKind.InitError, exception.ErrorType, exception.Message, []), null, 0, instance.Slot));
            return;
        }
#pragma warning disable CA1031 // Any start failure (missing node, bad path) becomes the init error of the first invoke.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            OnStartFailed(instance, new InitFailure(null, exception.Message, 0, instance.Slot));
            return;
        }

        bool stopped;
        lock (_gate)
        {
            _starting[instance.Slot] = false;
            instance.Process = process;
            stopped = _stopped;
        }

        RuntimeApiLog.ProcessStarted(_logger, Options.Name, process.Id, instance.Id);
        if (stopped)
        {
            await process.DisposeAsync().ConfigureAwait(false);
            return;
        }

        var exitCode = await process.Exited.ConfigureAwait(false);
        OnExited(instance, exitCode);
    }

    private void OnStartFailed(RuntimeInstance instance, InitFailure failure)
    {
        RuntimeApiLog.StartFailed(_logger, Options.Name, failure.Reported?.ErrorMessage ?? failure.StartFailure ?? string.Empty);
        bool restart;
        lock (_gate)
        {
            _starting[instance.Slot] = false;
            Release(instance);
            if (_stopped)
            {
                return;
            }

            SurfaceOrStore(failure);
            restart = _pending.Count > 0;
        }

        if (restart)
        {
            StartSlot(instance.Slot);
        }
    }

    private void OnExited(RuntimeInstance instance, int exitCode)
    {
        bool restart;
        lock (_gate)
        {
            Release(instance);
            if (_stopped)
            {
                return;
            }

            RemovePollersOf(instance);
            if (instance.Current is { Phase: InvocationPhase.Running } current)
            {
                _running.Remove(current.RequestId);
                Finish(current);
                current.SetResult(CreateError(current, FunctionErrors.Exit(current.RequestId, exitCode, FunctionErrorKind.RuntimeExit)));
                restart = true;
            }
            else if (!instance.Ready && !instance.InitFailureReported && !instance.Killing)
            {
                SurfaceOrStore(new InitFailure(null, null, exitCode, instance.Slot));
                restart = false;
            }
            else
            {
                restart = instance.Killing;
            }

            restart |= _pending.Count > 0;
        }

        RuntimeApiLog.ProcessExited(_logger, Options.Name, instance.Process?.Id ?? 0, exitCode, restart);
        if (restart)
        {
            StartSlot(instance.Slot);
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

    private void Release(RuntimeInstance instance)
    {
        _instances.Remove(instance.Id);
        if (instance.Slot >= 0 && ReferenceEquals(_slots[instance.Slot], instance))
        {
            _slots[instance.Slot] = null;
        }
    }

    private void RemovePollersOf(RuntimeInstance instance)
    {
        for (var node = _pollers.First; node is not null;)
        {
            var next = node.Next;
            if (ReferenceEquals(node.Value.Instance, instance))
            {
                _pollers.Remove(node);
                node.Value.Release();
            }

            node = next;
        }
    }

    private async Task EnsureExitAsync(FunctionProcess process)
    {
        // A runtime exits by itself after /init/error; one that lingers is stopped so the slot can restart.
        try
        {
            await process.Exited.WaitAsync(TimeSpan.FromSeconds(2), _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await process.KillAsync().ConfigureAwait(false);
        }
    }
}
