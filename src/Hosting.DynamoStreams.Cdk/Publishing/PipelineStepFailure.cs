namespace Aspire.Hosting.DynamoStreams.Cdk.Publishing;

/// <summary>Runs the action of a DynamoStreams pipeline step so that its failure also fails the AppHost process.</summary>
internal static class PipelineStepFailure
{
    /// <summary>
    /// The process exit code after a DynamoStreams step failed: the one the Aspire CLI 13.6.5 gives a failed pipeline
    /// (<c>aspire publish/deploy/destroy</c>), so a script sees the same code with or without the CLI.
    /// </summary>
    public const int ExitCode = 6;

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
            // Without the Aspire CLI (`dotnet run -- --operation publish --step deploy`), Aspire 13.6.5 rethrows a failed
            // step from its pipeline BackgroundService, which the host only logs before stopping normally: the process
            // would exit 0 and a CI script would take a failed deployment for a success. An AppHost's Main returns
            // Environment.ExitCode. The Aspire CLI returns the AppHost's exit code when it is not 0, so it stays 6 there.
            Environment.ExitCode = ExitCode;
            throw;
        }
    }
}
