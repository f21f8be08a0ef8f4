using System.Text.Json;
using DynamoStreams.Emulator.Persistence;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;

/// <summary>
/// Keeps checkpoints in the emulator's durable store (<c>DynamoEmulator.DurableStore</c>): on disk in the emulator's
/// data directory when persistence is on, in the emulator's memory otherwise. A restart of the emulator and the engine
/// on the same data directory resumes every mapping exactly where it stopped.
/// </summary>
/// <remarks>
/// Each shard checkpoint is one key, <c>esm/&lt;mapping uuid&gt;/&lt;shard id&gt;</c>, written through the emulator's
/// write-ahead log: <see cref="SaveAsync"/> returns once the entry is flushed to disk. Because the log is sequential,
/// a durable checkpoint implies that the stream records it points past are durable too, so a crash can never leave a
/// checkpoint ahead of the stream it was taken on.
/// </remarks>
/// <param name="store">The emulator's durable store (<c>DynamoEmulator.DurableStore</c>).</param>
/// <example>
/// <code>
/// await using var emulator = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { DataDirectory = ".data" });
/// var engine = new EventSourceMappingEngine(
///     new EmulatorStreamSource(emulator.Streams), invoker, new DurableCheckpointStore(emulator.DurableStore),
///     new EmulatorQueueDestination(emulator.Queues));
/// </code>
/// </example>
public sealed class DurableCheckpointStore(IDurableStore store) : ICheckpointStore
{
    /// <summary>The prefix of every key this store writes.</summary>
    public const string KeyPrefix = "esm/";

    private readonly IDurableStore _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, ShardCheckpoint>> LoadAsync(string mappingUuid, CancellationToken cancellationToken)
    {
        var prefix = PrefixOf(mappingUuid);
        var result = new Dictionary<string, ShardCheckpoint>(StringComparer.Ordinal);
        foreach (var (key, value) in _store.List(prefix))
        {
            var checkpoint = JsonSerializer.Deserialize(value, CheckpointJsonContext.Default.ShardCheckpoint)
                ?? throw new InvalidDataException($"The checkpoint stored under '{key}' is empty; delete the key (or the mapping's checkpoints) to read its shard again.");
            result[key[prefix.Length..]] = checkpoint;
        }

        return Task.FromResult<IReadOnlyDictionary<string, ShardCheckpoint>>(result);
    }

    /// <inheritdoc />
    public Task SaveAsync(string mappingUuid, string shardId, ShardCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(shardId);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var value = JsonSerializer.Serialize(checkpoint, CheckpointJsonContext.Default.ShardCheckpoint);
        return _store.SetAsync(PrefixOf(mappingUuid) + shardId, value, cancellationToken);
    }

    /// <inheritdoc />
    public async Task ClearAsync(string mappingUuid, CancellationToken cancellationToken)
    {
        foreach (var (key, _) in _store.List(PrefixOf(mappingUuid)))
        {
            await _store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string PrefixOf(string mappingUuid)
    {
        ArgumentException.ThrowIfNullOrEmpty(mappingUuid);
        if (mappingUuid.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Mapping id '{mappingUuid}' contains '/', which separates the parts of a checkpoint key.", nameof(mappingUuid));
        }

        return $"{KeyPrefix}{mappingUuid}/";
    }
}
