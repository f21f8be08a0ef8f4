namespace DynamoStreams.Emulator.DynamoDb.Expressions.Syntax;

/// <summary>Represents one token and where it sits in the expression text.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, string Text)
{
    public bool IsKeyword(string keyword) =>
        Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}
