namespace DynamoStreams.Emulator.DynamoDb.Storage;

/// <summary>Classifies a committed write the way a stream record does.</summary>
internal enum ItemChangeKind
{
    /// <summary>The write changed nothing (identical put, update to the same values, delete of a missing item).</summary>
    None,

    /// <summary>A new item was created.</summary>
    Insert,

    /// <summary>An existing item was changed.</summary>
    Modify,

    /// <summary>An existing item was deleted.</summary>
    Remove,
}
