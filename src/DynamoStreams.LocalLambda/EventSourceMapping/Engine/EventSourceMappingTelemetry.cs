using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>
/// Names the engine's OpenTelemetry sources: add the activity source to a tracer provider to see writer → stream →
/// handler traces, and the meter to a meter provider for per-mapping counters (tagged with the mapping's UUID and function).
/// </summary>
public static class EventSourceMappingTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/>.</summary>
    public const string ActivitySourceName = "DynamoStreams.LocalLambda.EventSourceMapping";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = ActivitySourceName;

    /// <summary>The prefix of the meter's instrument names, for example <c>dynamostreams.mapping.records.read</c>.</summary>
    public const string MetricPrefix = "dynamostreams.mapping.";

    internal static ActivitySource Source { get; } = new(ActivitySourceName);

    internal static Meter Meter { get; } = new(MeterName);
}
