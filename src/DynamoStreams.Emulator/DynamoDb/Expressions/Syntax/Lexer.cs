namespace DynamoStreams.Emulator.DynamoDb.Expressions.Syntax;

/// <summary>Splits expression text into tokens; characters outside the language become Unknown tokens.</summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(Math.Max(4, text.Length / 3));
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                i++;
                continue;
            }

            var start = i;
            TokenKind kind;
            if (IsIdentifierStart(c))
            {
                i = SkipWord(text, i + 1);
                kind = TokenKind.Identifier;
            }
            else if (c is >= '0' and <= '9')
            {
                while (i < text.Length && text[i] is >= '0' and <= '9')
                {
                    i++;
                }

                kind = TokenKind.Integer;
            }
            else if (c is '#' or ':' && i + 1 < text.Length && IsIdentifierPart(text[i + 1]))
            {
                i = SkipWord(text, i + 1);
                kind = c == '#' ? TokenKind.NamePlaceholder : TokenKind.ValuePlaceholder;
            }
            else
            {
                (kind, var length) = Punctuation(text, i);
                i += length;
            }

            tokens.Add(new Token(kind, start, i, text[start..i]));
        }

        tokens.Add(new Token(TokenKind.End, text.Length, text.Length, string.Empty));
        return tokens;
    }

    private static (TokenKind Kind, int Length) Punctuation(string text, int i)
    {
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        return text[i] switch
        {
            '(' => (TokenKind.LeftParen, 1),
            ')' => (TokenKind.RightParen, 1),
            '[' => (TokenKind.LeftBracket, 1),
            ']' => (TokenKind.RightBracket, 1),
            ',' => (TokenKind.Comma, 1),
            '.' => (TokenKind.Dot, 1),
            '=' => (TokenKind.Equal, 1),
            '+' => (TokenKind.Plus, 1),
            '-' => (TokenKind.Minus, 1),
            '<' when next == '>' => (TokenKind.NotEqual, 2),
            '<' when next == '=' => (TokenKind.LessOrEqual, 2),
            '<' => (TokenKind.Less, 1),
            '>' when next == '=' => (TokenKind.GreaterOrEqual, 2),
            '>' => (TokenKind.Greater, 1),
            _ => (TokenKind.Unknown, char.IsSurrogatePair(text, i) ? 2 : 1),
        };
    }

    private static int SkipWord(string text, int i)
    {
        while (i < text.Length && IsIdentifierPart(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || c is >= '0' and <= '9';
}
