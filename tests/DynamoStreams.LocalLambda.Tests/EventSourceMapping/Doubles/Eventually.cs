namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

/// <summary>Awaits a condition with a generous timeout (never asserts on elapsed time).</summary>
internal static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; on timeout the message names <paramref name="what"/> and, when given, what was <paramref name="observed"/>.</summary>
    public static async Task WaitAsync(Func<bool> condition, string what, int timeoutSeconds = 30, Func<string>? observed = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var seen = observed is null ? string.Empty : $" Observed: {observed()}";
                throw new TimeoutException($"Timed out waiting for {what}.{seen}");
            }

            await Task.Delay(5);
        }
    }
}
