namespace DynamoStreams.Emulator.Streams;

/// <summary>
/// Configures the shape and lifetime of DynamoDB streams: shards per stream, shard rollover, retention and
/// iterator lifetime. The defaults are AWS's: one open shard, 24-hour retention, 15-minute iterators.
/// </summary>
public sealed class StreamsOptions
{
    /// <summary>
    /// Gets the number of open shards per stream (1 to 64). Each item is routed to one shard by a hash of its
    /// partition key, so records of one item stay in order while several shards are read in parallel.
    /// </summary>
    public int ShardsPerStream { get; init; } = 1;

    /// <summary>Gets the record count after which an open shard closes and a child shard opens, or <see langword="null"/> for never.</summary>
    public int? RolloverAfterRecords { get; init; }

    /// <summary>Gets the age after which an open shard closes and a child shard opens, or <see langword="null"/> for never.</summary>
    public TimeSpan? RolloverAfter { get; init; }

    /// <summary>Gets how long records stay readable (AWS: 24 hours).</summary>
    public TimeSpan RetentionPeriod { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Gets how long a shard iterator stays valid after it is issued (AWS: 15 minutes).</summary>
    public TimeSpan IteratorLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Checks the options and throws a message that names the option and the fix.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (ShardsPerStream is < 1 or > 64)
        {
            throw new ArgumentException($"StreamsOptions.ShardsPerStream must be between 1 and 64; it was {ShardsPerStream}.", nameof(ShardsPerStream));
        }

        if (RolloverAfterRecords is < 1)
        {
            throw new ArgumentException($"StreamsOptions.RolloverAfterRecords must be at least 1, or null for no rollover; it was {RolloverAfterRecords}.",
                nameof(RolloverAfterRecords));
        }

        if (RolloverAfter is { } age && age <= TimeSpan.Zero)
        {
            throw new ArgumentException($"StreamsOptions.RolloverAfter must be positive, or null for no rollover; it was {age}.", nameof(RolloverAfter));
        }

        if (RetentionPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException($"StreamsOptions.RetentionPeriod must be positive; it was {RetentionPeriod}.", nameof(RetentionPeriod));
        }

        if (IteratorLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException($"StreamsOptions.IteratorLifetime must be positive; it was {IteratorLifetime}.", nameof(IteratorLifetime));
        }
    }
}
