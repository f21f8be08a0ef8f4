using System.Diagnostics;
using Amazon.DynamoDBv2;

namespace EmulatorThroughput;

/// <summary>Runs one workload at a concurrency for a fixed time and reports operations per second.</summary>
internal static class LoadRunner
{
    public static async Task<double> MeasureAsync(IAmazonDynamoDB client, Func<IAmazonDynamoDB, int, int, Task> operation, int concurrency, TimeSpan duration) =>
        (await MeasureCountAsync(client, operation, concurrency, duration)).OpsPerSecond;

    /// <summary>Runs the workload; returns operations per second and the number of operations completed.</summary>
    public static async Task<(double OpsPerSecond, long Count)> MeasureCountAsync(IAmazonDynamoDB client, Func<IAmazonDynamoDB, int, int, Task> operation, int concurrency, TimeSpan duration)
    {
        long completed = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var i = worker * 100_000;
            while (stopwatch.Elapsed < duration)
            {
                await operation(client, worker, i++);
                Interlocked.Increment(ref completed);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return (completed / stopwatch.Elapsed.TotalSeconds, completed);
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
