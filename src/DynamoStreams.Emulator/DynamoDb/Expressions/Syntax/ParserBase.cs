using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions.Syntax;

/// <summary>Shares token handling, document paths, placeholders, limits and error reporting between the parsers.</summary>
internal abstract class ParserBase
{
    public const int MaxExpressionBytes = 4096;
    public const int MaxPathDepth = 32;

    private static readonly string[] s_conditionKeywords = ["AND", "OR", "NOT", "BETWEEN", "IN"];

    private readonly int[] _matchingParen;

    protected ParserBase(string text, ExpressionKind kind, ExpressionContext context)
    {
        Text = text;
        Kind = kind;
        Context = context;
        Errors = new SemanticErrors(rankOperandFaultsTogether: kind != ExpressionKind.Update);
        if (text.Length == 0)
        {
            throw Invalid("The expression can not be empty;");
        }

        var bytes = System.Text.Encoding.UTF8.GetByteCount(text);
        if (bytes > MaxExpressionBytes)
        {
            throw Invalid($"Expression size has exceeded the maximum allowed size; expression size: {bytes}");
        }

        Tokens = Lexer.Tokenize(text);
        _matchingParen = MatchParentheses(Tokens);
    }

    protected string Text { get; }

    protected ExpressionKind Kind { get; }

    protected ExpressionContext Context { get; }

    protected List<Token> Tokens { get; }

    protected int Position { get; set; }

    protected SemanticErrors Errors { get; }

    protected Token Current => Tokens[Position];

    protected Token Peek(int offset = 1) => Tokens[Math.Min(Position + offset, Tokens.Count - 1)];

    protected virtual IReadOnlyList<string> Keywords => s_conditionKeywords;

    protected Token Advance() => Tokens[Position++];

    protected bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        Position++;
        return true;
    }

    protected Token Expect(TokenKind kind) => Current.Kind == kind ? Advance() : throw SyntaxError();

    protected DynamoValidationException Invalid(string reason) => new($"Invalid {Kind}Expression: {reason}");

    /// <summary>Gets the syntax error found furthest into the text; after backtracking it is the one DynamoDB reports.</summary>
    protected DynamoValidationException? FurthestSyntaxError { get; private set; }

    private int _furthestSyntaxPosition = -1;

    protected DynamoValidationException SyntaxError()
    {
        var error = BuildSyntaxError(Position);
        if (Position >= _furthestSyntaxPosition)
        {
            _furthestSyntaxPosition = Position;
            FurthestSyntaxError = error;
        }

        return error;
    }

    private DynamoValidationException BuildSyntaxError(int index)
    {
        var token = Tokens[index];
        var start = index > 0 ? Tokens[index - 1].Start : token.Start;
        var end = token.Kind != TokenKind.End && Tokens[index + 1].Kind != TokenKind.End ? Tokens[index + 1].End : token.End;
        if (token.Kind == TokenKind.End)
        {
            end = Text.Length;
        }

        var shown = token.Kind == TokenKind.End ? "<EOF>" : token.Text;
        return Invalid($"Syntax error; token: \"{shown}\", near: \"{Text[start..end]}\"");
    }

    protected void ThrowIfErrors()
    {
        if (Errors.First() is { } message)
        {
            throw Invalid(message);
        }
    }

    protected bool IsKeyword(Token token)
    {
        foreach (var keyword in Keywords)
        {
            if (token.IsKeyword(keyword))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Records a redundant-parentheses fault when the group opened at <paramref name="open"/> directly wraps another group.</summary>
    protected void CheckRedundantParentheses(int open)
    {
        var close = _matchingParen[open];
        if (close > open + 2 && Tokens[open + 1].Kind == TokenKind.LeftParen && _matchingParen[open + 1] == close - 1)
        {
            Errors.Record(ErrorCategory.Parentheses, "The expression has redundant parentheses;");
        }
    }

    protected bool StartsPath(Token token) =>
        token.Kind == TokenKind.NamePlaceholder || (token.Kind == TokenKind.Identifier && !IsKeyword(token));

    protected DocumentPath ParsePath()
    {
        var elements = new List<PathElement>(4) { ParseNameStep() };
        while (true)
        {
            if (Current.Kind == TokenKind.Dot)
            {
                Advance();
                elements.Add(ParseNameStep());
            }
            else if (Current.Kind == TokenKind.LeftBracket)
            {
                Advance();
                var number = Expect(TokenKind.Integer);
                if (!int.TryParse(number.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    Position--;
                    throw SyntaxError();
                }

                Expect(TokenKind.RightBracket);
                elements.Add(PathElement.ForIndex(index));
            }
            else
            {
                break;
            }
        }

        if (elements.Count > MaxPathDepth)
        {
            throw Invalid($"The document path has too many nesting levels; nesting levels: {elements.Count}");
        }

        return new DocumentPath(elements);
    }

    protected AttributeValue? ResolveValue(Token token)
    {
        var value = Context.ResolveValue(token.Text);
        if (value is null)
        {
            Errors.Record(ErrorCategory.Placeholder, $"An expression attribute value used in expression is not defined; attribute value: {token.Text}");
        }

        return value;
    }

    private PathElement ParseNameStep()
    {
        var token = Current;
        if (token.Kind == TokenKind.NamePlaceholder)
        {
            Advance();
            var name = Context.ResolveName(token.Text);
            if (name is null)
            {
                Errors.Record(ErrorCategory.Placeholder, $"An expression attribute name used in the document path is not defined; attribute name: {token.Text}");
                return PathElement.ForName(token.Text);
            }

            return PathElement.ForName(name);
        }

        if (token.Kind != TokenKind.Identifier || IsKeyword(token))
        {
            throw SyntaxError();
        }

        Advance();
        if (ReservedWords.IsReserved(token.Text))
        {
            Errors.Record(ErrorCategory.Reserved, $"Attribute name is a reserved keyword; reserved keyword: {token.Text}");
        }

        return PathElement.ForName(token.Text);
    }

    private static int[] MatchParentheses(List<Token> tokens)
    {
        var matches = new int[tokens.Count];
        var stack = new Stack<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            matches[i] = -1;
            if (tokens[i].Kind == TokenKind.LeftParen)
            {
                stack.Push(i);
            }
            else if (tokens[i].Kind == TokenKind.RightParen && stack.Count > 0)
            {
                matches[stack.Pop()] = i;
            }
        }

        return matches;
    }
}
