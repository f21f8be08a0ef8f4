namespace DynamoStreams.Emulator.DynamoDb.Expressions.Ast;

/// <summary>The comparators of the condition language.</summary>
internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
