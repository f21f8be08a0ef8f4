namespace DynamoStreams.Emulator.DynamoDb.Storage;

/// <summary>
/// Marks, on the current thread, the extent of one write that must be durable all or nothing: an item change with
/// the stream record it produces, or every item of a transaction. Observers that persist (the state journal)
/// collect what is logged inside the outermost scope and write it as one unit when that scope ends, so a crash
/// can never keep a stream record without its item, or half a transaction.
/// </summary>
internal static class AtomicWrite
{
    [ThreadStatic]
    private static int t_depth;

    [ThreadStatic]
    private static List<Action>? t_onEnd;

    /// <summary>Gets a value indicating whether an atomic write is open on the current thread.</summary>
    public static bool IsOpen => t_depth > 0;

    /// <summary>Opens a scope; scopes nest, and only the outermost one's end completes the write.</summary>
    public static Scope Begin()
    {
        t_depth++;
        return default;
    }

    /// <summary>Runs <paramref name="action"/> on this thread when the outermost open scope ends.</summary>
    public static void OnEnd(Action action)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("No atomic write is open on this thread.");
        }

        (t_onEnd ??= []).Add(action);
    }

    private static void End()
    {
        if (--t_depth > 0 || t_onEnd is not { Count: > 0 } actions)
        {
            return;
        }

        // Copied first: an action that opens another write must not see (or re-run) this one's actions.
        var pending = actions.ToArray();
        actions.Clear();
        foreach (var action in pending)
        {
            action();
        }
    }

    /// <summary>Ends the scope it was returned for.</summary>
    public readonly struct Scope : IDisposable
    {
        /// <inheritdoc/>
        public void Dispose() => End();
    }
}
