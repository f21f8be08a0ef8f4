using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions;

/// <summary>Names a key attribute of a table or index and its scalar type (S, N or B).</summary>
/// <param name="Name">The attribute name.</param>
/// <param name="Type">The attribute type.</param>
internal sealed record KeySchemaAttribute(string Name, AttributeValueType Type);
