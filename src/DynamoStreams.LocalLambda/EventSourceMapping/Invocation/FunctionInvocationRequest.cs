using System.Diagnostics;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Invocation;

/// <summary>Describes one invocation the engine makes.</summary>
public sealed class FunctionInvocationRequest
{
    /// <summary>Gets the function's unqualified name.</summary>
    public required string FunctionName { get; init; }

    /// <summary>Gets the event JSON.</summary>
    public required ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>Gets the trace context the invocation continues (the engine's invoke activity).</summary>
    public ActivityContext ParentContext { get; init; }

    /// <summary>Gets links to the trace contexts of the writes whose records are delivered.</summary>
    public IReadOnlyList<ActivityLink> Links { get; init; } = [];
}
