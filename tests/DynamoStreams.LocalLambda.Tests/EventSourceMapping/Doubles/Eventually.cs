namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

/// <summary>Awaits a condition with a generous timeout (never asserts on elapsed time).</summary>
internal static class Eventually
{
    public static async Task WaitAsync(Func<bool> condition, string what, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(5);
        }
    }
}
