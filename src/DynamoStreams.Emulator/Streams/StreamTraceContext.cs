namespace DynamoStreams.Emulator.Streams;

/// <summary>
/// Carries the trace context of the write that produced a stream record, so a trace can continue from the
/// writer through the stream to the handler.
/// </summary>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the write, or <see langword="null"/>.</param>
/// <param name="TraceState">The W3C <c>tracestate</c> of the write, or <see langword="null"/>.</param>
/// <param name="AmznTraceId">The <c>X-Amzn-Trace-Id</c> header of the write, or <see langword="null"/>.</param>
public sealed record StreamTraceContext(string? TraceParent, string? TraceState, string? AmznTraceId);
