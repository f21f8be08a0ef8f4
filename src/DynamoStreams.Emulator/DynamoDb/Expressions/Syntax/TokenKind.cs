namespace DynamoStreams.Emulator.DynamoDb.Expressions.Syntax;

/// <summary>Lists the lexical tokens of DynamoDB's expression languages.</summary>
internal enum TokenKind
{
    Identifier,
    NamePlaceholder,
    ValuePlaceholder,
    Integer,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Dot,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Plus,
    Minus,
    Unknown,
    End,
}
