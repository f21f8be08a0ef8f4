namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Controls one running local event-source mapping (the seam between the dashboard and the mapping engine).
/// </summary>
internal interface ILocalMapping
{
    /// <summary>
    /// Pauses or resumes polling; a resumed mapping continues at its checkpoint.
    /// </summary>
    /// <param name="enabled">Whether the mapping polls.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the state changed.</returns>
    Task SetEnabledAsync(bool enabled, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets the checkpoints and reads the stream again from its oldest record.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the replay has started.</returns>
    Task ReplayFromTrimHorizonAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Re-reads the records a dead-letter message names and invokes the function with them again.
    /// </summary>
    /// <param name="failureDocument">The on-failure message body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the records were delivered, and a short description.</returns>
    Task<(bool Succeeded, string Description)> RedriveAsync(string failureDocument, CancellationToken cancellationToken);

    /// <summary>
    /// Re-reads the stream records a dead-letter message names, without invoking anything.
    /// </summary>
    /// <param name="failureDocument">The on-failure message body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records' JSON (empty once the stream has trimmed them).</returns>
    Task<IReadOnlyList<string>> ReadFailedRecordsAsync(string failureDocument, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the mapping's state and counters.
    /// </summary>
    /// <returns>The status.</returns>
    LocalMappingStatus GetStatus();
}
