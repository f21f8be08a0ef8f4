namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>Lets readers and lanes wait while a mapping is disabled.</summary>
internal sealed class PauseGate(bool open)
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _opened = Create(open);

    public bool IsOpen
    {
        get
        {
            lock (_lock)
            {
                return _opened.Task.IsCompleted;
            }
        }
    }

    public void Set(bool open)
    {
        lock (_lock)
        {
            if (open)
            {
                _opened.TrySetResult();
            }
            else if (_opened.Task.IsCompleted)
            {
                _opened = Create(false);
            }
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        Task task;
        lock (_lock)
        {
            task = _opened.Task;
        }

        return task.IsCompleted ? Task.CompletedTask : task.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource Create(bool open)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (open)
        {
            source.SetResult();
        }

        return source;
    }
}
