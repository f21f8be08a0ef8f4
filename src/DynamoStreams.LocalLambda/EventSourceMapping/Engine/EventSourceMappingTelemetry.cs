using System.Diagnostics;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>Names the engine's OpenTelemetry source; add it to a tracer provider to see writer → stream → handler traces.</summary>
public static class EventSourceMappingTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/>.</summary>
    public const string ActivitySourceName = "DynamoStreams.LocalLambda.EventSourceMapping";

    internal static ActivitySource Source { get; } = new(ActivitySourceName);
}
