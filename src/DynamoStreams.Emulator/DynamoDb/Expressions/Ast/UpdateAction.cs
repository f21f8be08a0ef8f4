namespace DynamoStreams.Emulator.DynamoDb.Expressions.Ast;

/// <summary>The four clauses of an update expression.</summary>
internal enum UpdateActionKind
{
    Set,
    Remove,
    Add,
    Delete,
}

/// <summary>
/// One action of an update: its clause, target path and (for SET, ADD, DELETE) its value; legacy actions come from
/// AttributeUpdates, whose ADD also appends lists and whose type errors read differently.
/// </summary>
internal sealed record UpdateAction(UpdateActionKind Kind, DocumentPath Path, Operand? Value, bool Legacy = false);
