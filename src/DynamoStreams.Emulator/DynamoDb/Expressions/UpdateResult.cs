using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions;

/// <summary>Holds the outcome of an update: the new item and the paths written (for UPDATED_OLD / UPDATED_NEW).</summary>
internal sealed class UpdateResult
{
    internal UpdateResult(Dictionary<string, AttributeValue> item, IReadOnlyList<DocumentPath> updatedPaths)
    {
        Item = item;
        UpdatedPaths = updatedPaths;
    }

    /// <summary>Gets the item after the update (a new dictionary owned by the caller).</summary>
    public Dictionary<string, AttributeValue> Item { get; }

    /// <summary>Gets the document paths the update wrote.</summary>
    public IReadOnlyList<DocumentPath> UpdatedPaths { get; }

    /// <summary>
    /// Returns the written paths of an item: pass the old item for <c>UPDATED_OLD</c>, <see cref="Item"/> for
    /// <c>UPDATED_NEW</c>. Paths absent from that item are left out.
    /// </summary>
    /// <param name="item">The item to read, or null.</param>
    /// <returns>The projected attributes.</returns>
    public Dictionary<string, AttributeValue> ProjectUpdated(IReadOnlyDictionary<string, AttributeValue>? item) =>
        item is null ? [] : Projector.Project(item, UpdatedPaths);
}
