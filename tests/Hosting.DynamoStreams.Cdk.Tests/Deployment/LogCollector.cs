using Aspire.Hosting.ApplicationModel;

namespace Hosting.DynamoStreams.Cdk.Tests.Deployment;

/// <summary>Collects a resource's log lines from the moment it is created, and waits for a condition on them.</summary>
internal sealed class LogCollector : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _changed = new(0);

    public LogCollector(ResourceLoggerService loggers, IResource resource)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in loggers.WatchAsync(resource).WithCancellation(_stop.Token))
                {
                    lock (_lines)
                    {
                        _lines.AddRange(batch.Select(line => line.Content));
                    }

                    _changed.Release();
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public async Task WaitAsync(Func<IReadOnlyList<string>, bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_lines)
            {
                if (condition(_lines))
                {
                    return;
                }
            }

            await _changed.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
