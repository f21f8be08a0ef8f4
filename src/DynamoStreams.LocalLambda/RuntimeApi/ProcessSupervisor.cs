using DynamoStreams.LocalLambda.Processes;
using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Supervises one function's runtime processes: one per concurrency slot, restarted after a crash or a timeout, and
/// restarted lazily after an init failure so that a broken function does not spin. What a start failure or an exit
/// means for invocations is settled by the function's <see cref="InvocationQueue"/>.
/// </summary>
/// <remarks>
/// Its lock guards the slots and the instances' <see cref="RuntimeInstance.Process"/>,
/// <see cref="RuntimeInstance.Killing"/> and <see cref="RuntimeInstance.InitFailureReported"/>. It never holds the
/// lock while calling the queue.
/// </remarks>
internal sealed class ProcessSupervisor
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RuntimeInstance> _instances = new(StringComparer.Ordinal);
    private readonly RuntimeInstance _external = new(string.Empty, -1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly LambdaFunctionOptions _options;
    private readonly InvocationQueue _queue;
    private readonly IFunctionProcessRunner? _runner;
    private readonly Func<string?, string> _runtimeApiAddress;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ILogger _processLogger;
    private readonly RuntimeInstance?[] _slots;
    private readonly bool[] _starting;
    private int _generation;
    private bool _stopped;

    /// <summary>Initializes the supervisor of one function.</summary>
    /// <param name="options">The function's options.</param>
    /// <param name="queue">The function's invocations.</param>
    /// <param name="runner">Starts the processes, or <see langword="null"/> when they are started elsewhere (no slots).</param>
    /// <param name="runtimeApiAddress">Gives <c>AWS_LAMBDA_RUNTIME_API</c> for an instance id.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The host's logger.</param>
    /// <param name="processLogger">The logger of the processes' output.</param>
    public ProcessSupervisor(
        LambdaFunctionOptions options,
        InvocationQueue queue,
        IFunctionProcessRunner? runner,
        Func<string?, string> runtimeApiAddress,
        TimeProvider timeProvider,
        ILogger logger,
        ILogger processLogger)
    {
        _options = options;
        _queue = queue;
        _runner = runner;
        _runtimeApiAddress = runtimeApiAddress;
        _time = timeProvider;
        _logger = logger;
        _processLogger = processLogger;
        _slots = new RuntimeInstance?[runner is null ? 0 : options.Concurrency];
        _starting = new bool[_slots.Length];
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

    /// <summary>Starts a process in every slot that has none (nothing when the processes are started elsewhere).</summary>
    public void StartIdleSlots()
    {
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            StartSlot(slot);
        }
    }

    /// <summary>Starts a process in <paramref name="slot"/> unless it has one or one is starting.</summary>
    public void StartSlot(int slot)
    {
        RuntimeInstance instance;
        lock (_gate)
        {
            if (_stopped || slot < 0 || _starting[slot] || _slots[slot] is not null)
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
        }

        _queue.ReportInitFailure(new InitFailure(error, null, 0, instance.Slot));
        RuntimeApiLog.InitFailed(_logger, _options.Name, error.ErrorType, error.ErrorMessage);
        if (instance.Process is { } process)
        {
            _ = EnsureExitAsync(process);
        }
    }

    /// <summary>Kills the process of a runtime whose invocation overran its deadline; the slot restarts when it exits.</summary>
    public void Kill(RuntimeInstance instance)
    {
        FunctionProcess? process;
        lock (_gate)
        {
            instance.Killing = true;
            process = instance.Process;
        }

        if (process is not null)
        {
            _ = process.KillAsync();
        }
    }

    /// <summary>Stops supervising: no slot restarts, and every process is killed.</summary>
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

    private async Task RunSlotAsync(RuntimeInstance instance)
    {
        FunctionProcess process;
        try
        {
            var environment = FunctionEnvironment.Create(_options, _runtimeApiAddress(instance.Id), _runner!.Runtime);
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

        RuntimeApiLog.ProcessStarted(_logger, _options.Name, process.Id, instance.Id);
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
        RuntimeApiLog.StartFailed(_logger, _options.Name, failure.Reported?.ErrorMessage ?? failure.StartFailure ?? string.Empty);
        lock (_gate)
        {
            _starting[instance.Slot] = false;
            Release(instance);
            if (_stopped)
            {
                return;
            }
        }

        if (_queue.ReportInitFailure(failure))
        {
            StartSlot(instance.Slot);
        }
    }

    private void OnExited(RuntimeInstance instance, int exitCode)
    {
        bool killing;
        bool explained;
        lock (_gate)
        {
            Release(instance);
            if (_stopped)
            {
                return;
            }

            killing = instance.Killing;
            explained = killing || instance.InitFailureReported;
        }

        var (exit, invocationsWaiting) = _queue.RuntimeExited(instance, exitCode, explained);
        if (exit == RuntimeExit.Stopped)
        {
            return;
        }

        var restart = exit switch
        {
            RuntimeExit.Invocation => true,
            RuntimeExit.Init => false,
            _ => killing,
        } || invocationsWaiting;

        RuntimeApiLog.ProcessExited(_logger, _options.Name, instance.Process?.Id ?? 0, exitCode, restart);
        if (restart)
        {
            StartSlot(instance.Slot);
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
