namespace DynamoStreams.Emulator.Hosting;

/// <summary>
/// Sets the runtime's socket switches for the standalone emulator: each request runs on the socket engine's thread
/// that received it, instead of being queued to the thread pool (with <see cref="DynamoEmulator"/>'s inline Kestrel
/// scheduling, no thread hop remains), and the engine has one thread per two cores.
/// </summary>
/// <remarks>
/// <para>
/// The runtime reads <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c> and <c>DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT</c>
/// once, when the process creates its first socket, and applies them to every socket of the process. So only the
/// emulator's own program sets them, as its first step; an emulator started in-process (an AppHost, a test) leaves its
/// host's sockets as they are. A value set in the environment wins: <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0</c>
/// turns inline completions off, <c>DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT=N</c> sets the engine's threads.
/// </para>
/// <para>
/// Why half the cores: the emulator shares the machine with its clients (the application, its tests, the handlers),
/// and with inline completions every engine thread runs requests. On 2 cores one engine thread instead of two cut the
/// server's CPU per PutItem from 48-57 µs to 40 µs and stream capture's extra CPU per put from 17-20 µs to 7-11 µs
/// (two threads writing one table contend for its lock; bench/StreamCapture/RESULTS.md, session 10).
/// </para>
/// </remarks>
internal static class StandaloneSockets
{
    /// <summary>The runtime's switch for running socket completions on the engine's threads.</summary>
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>The runtime's setting for the number of socket engine threads.</summary>
    public const string EngineThreadsVariable = "DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT";

    /// <summary>Sets both switches unless the environment already sets them. Call before any socket exists.</summary>
    public static void ApplyUnlessSet()
    {
        SetUnlessSet(InlineCompletionsVariable, "1");
        SetUnlessSet(EngineThreadsVariable, Math.Max(1, Environment.ProcessorCount / 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void SetUnlessSet(string name, string value)
    {
        if (Environment.GetEnvironmentVariable(name) is null)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
