namespace DynamoStreams.LocalLambda.Tests.Infrastructure;

/// <summary>
/// Awaits a condition with a generous timeout instead of sleeping a fixed time.
/// </summary>
internal static class Until
{
    public static async Task TrueAsync(Func<bool> condition, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The condition was not met within {timeoutSeconds} s.");
            }

            await Task.Delay(10);
        }
    }
}
