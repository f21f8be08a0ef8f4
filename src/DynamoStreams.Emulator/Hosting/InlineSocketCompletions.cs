namespace DynamoStreams.Emulator.Hosting;

/// <summary>
/// Lets the standalone emulator run each request on the socket engine's thread that received it, instead of queuing
/// it to the thread pool (with <see cref="DynamoEmulator"/>'s inline Kestrel scheduling, no thread hop remains).
/// </summary>
/// <remarks>
/// The runtime reads <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c> once, when the process creates its first
/// socket, and applies it to every socket of the process. So only the emulator's own program turns it on, as its first
/// step; an emulator started in-process (an AppHost, a test) leaves its host's sockets as they are. A value set in the
/// environment wins, so <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0</c> turns it off.
/// </remarks>
internal static class InlineSocketCompletions
{
    /// <summary>The runtime's switch.</summary>
    public const string VariableName = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Turns inline completions on unless the environment already says either way. Call before any socket exists.</summary>
    public static void EnableUnlessSet()
    {
        if (Environment.GetEnvironmentVariable(VariableName) is null)
        {
            Environment.SetEnvironmentVariable(VariableName, "1");
        }
    }
}
