namespace DynamoStreams.Emulator.DynamoDb.Expressions.Syntax;

/// <summary>
/// Ranks semantic faults found while parsing; when several occur DynamoDB reports the highest-ranked one
/// (the order dynalite derived from the real service).
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
    OperandCount,
    Distinct,
    Function,
}
