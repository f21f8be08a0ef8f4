namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Names what a runtime's exit interrupted, as <see cref="InvocationQueue.RuntimeExited"/> settles it.
/// </summary>
internal enum RuntimeExit
{
    /// <summary>The function is stopping; nothing is restarted.</summary>
    Stopped,

    /// <summary>An invocation was running; it failed with the exit.</summary>
    Invocation,

    /// <summary>The runtime died before asking for work; the exit became an init failure.</summary>
    Init,

    /// <summary>The runtime was idle, or its exit was expected.</summary>
    Idle,
}
