using DynamoStreams.Emulator.Hosting;

namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// Keeps small string values by key, durably with the emulator's data when it runs with a data directory
/// (<c>--data-dir</c> or <see cref="DynamoEmulatorOptions.DataDirectory"/>), and in memory otherwise. The local
/// event-source mapping keeps its shard checkpoints here, so they survive a restart together with the stream.
/// </summary>
/// <remarks>
/// Keys are free-form; prefix them with an owner (for example <c>esm/&lt;uuid&gt;/&lt;shardId&gt;</c>). A completed
/// <see cref="SetAsync"/> or <see cref="DeleteAsync"/> is on disk (fsync) when persistence is on.
/// </remarks>
public interface IDurableStore
{
    /// <summary>Gets a value.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    string? Get(string key);

    /// <summary>Lists the entries whose key starts with a prefix.</summary>
    /// <param name="prefix">The prefix; empty lists everything.</param>
    /// <returns>The entries, ordered by key.</returns>
    IReadOnlyList<KeyValuePair<string, string>> List(string prefix);

    /// <summary>Sets a value and waits until it is durable.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="cancellationToken">Cancels the wait (the value may still be written).</param>
    /// <returns>A task that completes when the value is durable.</returns>
    Task SetAsync(string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Deletes a value and waits until the deletion is durable.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the deletion is durable.</returns>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}
