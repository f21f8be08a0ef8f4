using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Storage;

/// <summary>
/// Orders the items of one partition: the sort key value first, then (in indexes, where sort keys may
/// repeat) the table's own key values to make each entry unique.
/// </summary>
/// <param name="Primary">The sort key value of the table or index, or <see langword="null"/>.</param>
/// <param name="TableHash">In a global index: the table's partition key value.</param>
/// <param name="TableRange">In an index: the table's sort key value.</param>
internal readonly record struct SortKey(AttributeValue? Primary, AttributeValue? TableHash, AttributeValue? TableRange);
