namespace Aspire.Hosting.DynamoStreams.Cdk.Publishing;

/// <summary>Runs the action of a DynamoStreams pipeline step so that its failure also fails the AppHost process.</summary>
internal static class PipelineStepFailure
{
    /// <summary>The process exit code after a DynamoStreams step failed.</summary>
    public const int ExitCode = 1;

    /// <summary>Runs <paramref name="action"/>; if it throws, sets the process exit code to <see cref="ExitCode"/> and rethrows.</summary>
    /// <param name="action">The step's action.</param>
    /// <returns>The step's task.</returns>
    public static async Task FailProcessOnErrorAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch
        {
            // Run without the Aspire CLI (`dotnet run -- --operation publish --step deploy`), Aspire 13.6.5 rethrows a
            // failed step from its pipeline BackgroundService; the host only logs it, stops and returns normally, so the
            // process would exit 0 and a CI script would take a failed deployment for a success. The AppHost's Main
            // returns Environment.ExitCode. Under `aspire deploy` the CLI reports the failure and sets its own exit code.
            Environment.ExitCode = ExitCode;
            throw;
        }
    }
}
