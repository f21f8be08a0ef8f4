namespace DynamoStreams.Emulator.Sqs.Storage;

/// <summary>
/// Wakes the long polls of one queue: each waiter gets the task of the current generation, and a change
/// completes it and starts the next. Thread-safe.
/// </summary>
internal sealed class SqsChangeSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _current = NewGeneration();

    /// <summary>Returns a task that completes at the next <see cref="Notify"/>.</summary>
    public Task WaitAsync()
    {
        lock (_gate)
        {
            return _current.Task;
        }
    }

    /// <summary>Completes the current generation's task.</summary>
    public void Notify()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _current;
            _current = NewGeneration();
        }

        previous.TrySetResult();
    }

    private static TaskCompletionSource NewGeneration() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
