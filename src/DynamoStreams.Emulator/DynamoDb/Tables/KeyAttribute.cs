namespace DynamoStreams.Emulator.DynamoDb.Tables;

/// <summary>
/// Names one key attribute of a table or index and its scalar type (<c>S</c>, <c>N</c> or <c>B</c>).
/// </summary>
/// <param name="Name">The attribute name.</param>
/// <param name="Type">The scalar type code: <c>S</c>, <c>N</c> or <c>B</c>.</param>
internal sealed record KeyAttribute(string Name, string Type);
