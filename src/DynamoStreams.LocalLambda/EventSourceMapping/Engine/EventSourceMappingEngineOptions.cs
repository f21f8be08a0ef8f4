using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>Holds the engine's local settings (not part of AWS's API).</summary>
public sealed class EventSourceMappingEngineOptions
{
    /// <summary>Gets or sets the clock used for record age, batching windows, tumbling windows and backoff.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets or sets the wait before retry <c>n</c> (1, 2, ...) of a failed or throttled batch. Defaults to AWS-like
    /// exponential backoff, 1 s·2ⁿ⁻¹ capped at 60 s; set <c>_ =&gt; TimeSpan.Zero</c> in tests.
    /// </summary>
    public Func<int, TimeSpan> RetryBackoff { get; set; } = DefaultBackoff;

    /// <summary>Gets or sets how often shards are listed to find new ones (children are also found as soon as a parent ends).</summary>
    public TimeSpan ShardDiscoveryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the stream's retention: records older than this are discarded as <c>RecordAgeExceeded</c> (24 h).</summary>
    public TimeSpan StreamRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets the logger factory.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Returns the default backoff before retry <paramref name="attempt"/>.</summary>
    /// <param name="attempt">The retry number, from 1.</param>
    /// <returns>The wait.</returns>
    public static TimeSpan DefaultBackoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Clamp(attempt - 1, 0, 6))));
}
