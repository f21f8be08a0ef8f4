namespace DynamoStreams.Emulator.Persistence;

/// <summary>
/// Thrown at start when another emulator (in this process or another) already holds the data directory: two
/// emulators appending to one write-ahead log would corrupt it.
/// </summary>
public sealed class DataDirectoryInUseException : IOException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="directory">The full path of the data directory.</param>
    /// <param name="owner">Who holds it, as recorded by the holder (process id, name, start time), or <see langword="null"/> when unknown.</param>
    /// <param name="inner">The failure to lock the directory.</param>
    public DataDirectoryInUseException(string directory, string? owner, Exception? inner)
        : base(BuildMessage(directory, owner), inner)
    {
        Directory = directory;
        Owner = owner;
    }

    /// <summary>Gets the full path of the data directory.</summary>
    public string Directory { get; }

    /// <summary>Gets the description of the emulator holding the directory, or <see langword="null"/> when unknown.</summary>
    public string? Owner { get; }

    private static string BuildMessage(string directory, string? owner) =>
        $"The data directory {directory} is in use by another emulator ({owner ?? "holder unknown"}). " +
        "Stop that emulator, or give this one another data directory (--data-dir, or DynamoEmulatorOptions.DataDirectory).";
}
