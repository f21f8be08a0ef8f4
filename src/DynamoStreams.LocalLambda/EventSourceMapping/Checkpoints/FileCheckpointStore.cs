using System.Text.Json;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;

/// <summary>
/// Keeps checkpoints on disk next to the emulator's data (one JSON file per mapping, replaced atomically and flushed
/// to disk before the call returns), so a restarted application resumes exactly where it stopped.
/// </summary>
public sealed class FileCheckpointStore : ICheckpointStore
{
    private readonly string _directory;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<string, Dictionary<string, ShardCheckpoint>> _cache = new(StringComparer.Ordinal);

    /// <summary>Initializes the store.</summary>
    /// <param name="directory">The folder for checkpoint files (created when missing), for example <c>&lt;data-dir&gt;/esm</c>.</param>
    public FileCheckpointStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, ShardCheckpoint>> LoadAsync(string mappingUuid, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new Dictionary<string, ShardCheckpoint>(await GetAsync(mappingUuid, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public async Task SaveAsync(string mappingUuid, string shardId, ShardCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var shards = await GetAsync(mappingUuid, cancellationToken).ConfigureAwait(false);
            shards[shardId] = checkpoint;
            var path = PathOf(mappingUuid);
            var temporary = path + ".tmp";
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                await JsonSerializer.SerializeAsync(stream, shards, cancellationToken: cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public async Task ClearAsync(string mappingUuid, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _cache.Remove(mappingUuid);
            File.Delete(PathOf(mappingUuid));
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<Dictionary<string, ShardCheckpoint>> GetAsync(string mappingUuid, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(mappingUuid, out var cached))
        {
            return cached;
        }

        var path = PathOf(mappingUuid);
        Dictionary<string, ShardCheckpoint> shards;
        if (File.Exists(path))
        {
            await using var stream = File.OpenRead(path);
            shards = await JsonSerializer.DeserializeAsync<Dictionary<string, ShardCheckpoint>>(stream, cancellationToken: cancellationToken).ConfigureAwait(false)
                ?? new(StringComparer.Ordinal);
        }
        else
        {
            shards = new(StringComparer.Ordinal);
        }

        _cache[mappingUuid] = shards;
        return shards;
    }

    private string PathOf(string mappingUuid)
    {
        if (mappingUuid.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || mappingUuid.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Mapping id '{mappingUuid}' cannot be used as a file name.", nameof(mappingUuid));
        }

        return Path.Combine(_directory, $"esm-{mappingUuid}.json");
    }
}
