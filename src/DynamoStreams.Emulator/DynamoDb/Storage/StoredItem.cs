using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Storage;

/// <summary>
/// Holds one committed item with its size in bytes as DynamoDB counts it.
/// </summary>
/// <param name="Attributes">The item's attributes (never mutated after commit).</param>
/// <param name="Size">The item size in bytes (names plus values).</param>
internal sealed record StoredItem(IReadOnlyDictionary<string, AttributeValue> Attributes, int Size);
