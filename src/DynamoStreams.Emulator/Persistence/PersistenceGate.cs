namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// Tells write-path observers that persisted state is being replayed, so replayed writes produce no new stream
/// records (the persisted ones are restored as they were).
/// </summary>
internal sealed class PersistenceGate
{
    /// <summary>Gets a value indicating whether persisted state is being replayed.</summary>
    public bool IsRestoring { get; internal set; }
}
