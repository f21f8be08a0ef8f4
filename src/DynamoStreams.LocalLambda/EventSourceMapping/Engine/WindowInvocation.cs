namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>Holds the tumbling-window members of one invocation (spec B.3).</summary>
internal sealed record WindowInvocation(
    DateTimeOffset Start,
    DateTimeOffset End,
    string StateJson,
    string ShardId,
    string StreamArn,
    bool IsFinal,
    bool TerminatedEarly);
