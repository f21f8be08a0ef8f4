using System.Diagnostics;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Converts W3C trace contexts to the X-Ray header Lambda sends as <c>Lambda-Runtime-Trace-Id</c>.
/// </summary>
internal static class TraceHeaders
{
    /// <summary>
    /// Formats <c>Root=1-{8 hex epoch}-{24 hex};Parent={16 hex};Sampled={0|1}</c>; the W3C trace id's 32 hex digits
    /// split 8/24 the way the X-Ray propagator of OpenTelemetry does, so the ids stay one trace.
    /// </summary>
    public static string ToXRay(ActivityContext context)
    {
        var traceId = context.TraceId.ToHexString();
        var sampled = context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? '1' : '0';
        return string.Create(
            null,
            stackalloc char[96],
            $"Root=1-{traceId.AsSpan(0, 8)}-{traceId.AsSpan(8)};Parent={context.SpanId.ToHexString()};Sampled={sampled}");
    }
}
