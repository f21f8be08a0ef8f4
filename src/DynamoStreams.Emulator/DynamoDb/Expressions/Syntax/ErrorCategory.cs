namespace DynamoStreams.Emulator.DynamoDb.Expressions.Syntax;

/// <summary>
/// Ranks semantic faults found while parsing; when several occur DynamoDB reports the highest-ranked one
/// (the order dynalite derived from the real service).
/// </summary>
internal enum ErrorCategory
{
    Section,
    Parentheses,
    UnknownFunction,
    MisusedFunction,
    Reserved,
    Placeholder,
    Overlap,
    Conflict,
    OperandCount,
    Distinct,
    Function,
}
