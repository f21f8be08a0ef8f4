using DynamoStreams.Emulator.DynamoDb.Expressions.Ast;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions.Syntax;

/// <summary>
/// Parses the operands the condition and update languages share: a parenthesized operand, a value placeholder, a
/// function call or a document path. Each language decides what a parenthesis may hold and which functions exist.
/// </summary>
internal abstract class OperandParser : ParserBase
{
    /// <summary>Initializes the parser.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="kind">The expression's kind, named in error messages.</param>
    /// <param name="context">The names and values the expression's placeholders refer to.</param>
    protected OperandParser(string text, ExpressionKind kind, ExpressionContext context)
        : base(text, kind, context)
    {
    }

    /// <summary>Parses one operand at the current token.</summary>
    /// <returns>The operand.</returns>
    protected Operand ParseOperand()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.LeftParen:
                var open = Position;
                Advance();
                var inner = ParseParenthesizedOperand();
                Expect(TokenKind.RightParen);
                CheckRedundantParentheses(open);
                return inner;
            case TokenKind.ValuePlaceholder:
                Advance();
                return new ValueOperand(ResolveValue(token) ?? AttributeValue.Null);
            case TokenKind.Identifier when Peek().Kind == TokenKind.LeftParen && !IsKeyword(token):
                var (name, args) = ParseCall();
                return BuildFunctionOperand(name, args);
            default:
                if (!StartsPath(token))
                {
                    throw SyntaxError();
                }

                return new PathOperand(ParsePath());
        }
    }

    /// <summary>Parses a function call: its name and its comma-separated operands in parentheses.</summary>
    /// <returns>The function name and its operands.</returns>
    protected (string Name, List<Operand> Args) ParseCall()
    {
        var name = Advance().Text;
        Expect(TokenKind.LeftParen);
        var args = new List<Operand> { ParseOperand() };
        while (Accept(TokenKind.Comma))
        {
            args.Add(ParseOperand());
        }

        Expect(TokenKind.RightParen);
        return (name, args);
    }

    /// <summary>Parses what stands between an operand's parentheses; by default, another operand.</summary>
    /// <returns>The operand.</returns>
    protected virtual Operand ParseParenthesizedOperand() => ParseOperand();

    /// <summary>Checks a function call in operand position and builds its operand, recording semantic errors.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="args">The operands.</param>
    /// <returns>The operand that stands for the call.</returns>
    protected abstract Operand BuildFunctionOperand(string name, List<Operand> args);
}
