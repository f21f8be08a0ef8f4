using DynamoStreams.LocalLambda.Processes;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Represents one runtime process polling a function: a supervised process (with its own path segment) or the
/// shared, unsupervised instance used by processes started elsewhere (for example by Aspire).
/// </summary>
/// <remarks>
/// <see cref="Ready"/> and <see cref="Current"/> belong to the <see cref="InvocationQueue"/>; <see cref="Process"/>,
/// <see cref="InitFailureReported"/> and <see cref="Killing"/> to the <see cref="ProcessSupervisor"/>.
/// </remarks>
internal sealed class RuntimeInstance
{
    public RuntimeInstance(string id, int slot)
    {
        Id = id;
        Slot = slot;
    }

    /// <summary>Gets the path segment of the instance (empty for the unsupervised instance).</summary>
    public string Id { get; }

    /// <summary>Gets the supervised slot index, or -1 for the unsupervised instance.</summary>
    public int Slot { get; }

    public bool IsSupervised => Slot >= 0;

    public FunctionProcess? Process { get; set; }

    /// <summary>Gets or sets a value indicating whether the runtime asked for work at least once (its init is done).</summary>
    public bool Ready { get; set; }

    public bool InitFailureReported { get; set; }

    /// <summary>Gets or sets a value indicating whether the host killed the process on purpose (timeout or shutdown).</summary>
    public bool Killing { get; set; }

    public Invocation? Current { get; set; }

    public long StartTimestamp { get; set; }
}
