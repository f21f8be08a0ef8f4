namespace DynamoStreams.Emulator.DynamoDb.Expressions.Syntax;

/// <summary>
/// Ranks semantic faults found while parsing; when several occur DynamoDB reports the highest-ranked one
/// (observed in dynalite's suite, written against the real service; see <see cref="SemanticErrors"/> for the
/// ranks conditions share).
/// </summary>
internal enum ErrorCategory
{
    Parentheses,
    UnknownFunction,
    MisusedFunction,
    Reserved,

    // A repeated update section loses to a reserved word or unknown function found later in the text (observed:
    // dynalite suite updateItem.js 'reserved keywords', 'invalid functions in UpdateExpression') but beats placeholders.
    Section,
    Placeholder,
    Overlap,
    Conflict,

    // An ADD or DELETE value of the wrong type ranks above operand counts and function operand types (observed:
    // dynalite suite updateItem.js "incorrect types in UpdateExpression").
    ActionOperand,
    OperandCount,
    Distinct,
    Function,
}
