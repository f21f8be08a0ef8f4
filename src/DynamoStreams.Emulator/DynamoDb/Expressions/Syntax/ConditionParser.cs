using DynamoStreams.Emulator.DynamoDb.Expressions.Ast;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions.Syntax;

/// <summary>
/// Parses the condition language shared by ConditionExpression, FilterExpression and KeyConditionExpression,
/// with DynamoDB's precedence (comparators, IN, BETWEEN, functions, parentheses, NOT, AND, OR) and its semantic checks.
/// </summary>
internal sealed class ConditionParser : OperandParser
{
    public const int MaxInOperands = 100;

    private static readonly string[] s_validTypes = ["S", "N", "B", "NULL", "SS", "BOOL", "L", "BS", "NS", "M"];

    private ConditionParser(string text, ExpressionKind kind, ExpressionContext context)
        : base(text, kind, context)
    {
    }

    public static ConditionNode Parse(string text, ExpressionKind kind, ExpressionContext context)
    {
        var parser = new ConditionParser(text, kind, context);
        ConditionNode node;
        try
        {
            node = parser.ParseOr();
            if (parser.Current.Kind != TokenKind.End)
            {
                throw parser.SyntaxError();
            }
        }
        catch (DynamoValidationException error) when (parser.Errors.Get(ErrorCategory.Parentheses) is { } redundant && error.Message.Contains("Syntax error;", StringComparison.Ordinal))
        {
            // Redundant parentheses found before the syntax error win (observed: dynalite suite scan.js
            // "redundant parentheses", '(a)between(((b.c)).d)and(c)').
            throw parser.Invalid(redundant);
        }
        catch (DynamoValidationException error) when (parser.FurthestSyntaxError is { } furthest && error != furthest && error.Message.Contains("Syntax error;", StringComparison.Ordinal))
        {
            throw furthest;
        }

        parser.ThrowIfErrors();
        return node;
    }

    private ConditionNode ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsKeyword("OR"))
        {
            Advance();
            left = new OrNode(left, ParseAnd());
        }

        return left;
    }

    private ConditionNode ParseAnd()
    {
        var left = ParseNot();
        while (Current.IsKeyword("AND"))
        {
            Advance();
            left = new AndNode(left, ParseNot());
        }

        return left;
    }

    private ConditionNode ParseNot()
    {
        if (Current.IsKeyword("NOT"))
        {
            Advance();
            return new NotNode(ParsePrimary());
        }

        return ParsePrimary();
    }

    private ConditionNode ParsePrimary()
    {
        if (Current.Kind == TokenKind.LeftParen)
        {
            var start = Position;
            var snapshot = Errors.Snapshot();
            try
            {
                Advance();
                var inner = ParseOr();
                Expect(TokenKind.RightParen);
                if (!StartsComparison(Current))
                {
                    CheckRedundantParentheses(start);
                    return inner;
                }

                // A comparison follows, so the parentheses held an operand, e.g. "(size(a)) = :v".
            }
            catch (DynamoValidationException)
            {
                // Not a parenthesized condition: retry as a parenthesized operand, e.g. "(a) = :v".
            }

            Position = start;
            Errors.Restore(snapshot);
        }

        return ParsePredicate();
    }

    private ConditionNode ParsePredicate()
    {
        if (Current.Kind == TokenKind.Identifier && Peek().Kind == TokenKind.LeftParen && !IsKeyword(Current))
        {
            var start = Position;
            var (name, args) = ParseCall();
            if (!StartsComparison(Current))
            {
                return BuildFunctionCondition(name, args);
            }

            Position = start;
        }

        var left = ParseOperand();
        var token = Current;
        if (ComparatorOf(token) is { } op)
        {
            Advance();
            var right = ParseOperand();
            CheckMisused(left, right);
            CheckDistinct(Symbol(op), left, right);
            return new CompareNode(op, left, right);
        }

        if (token.IsKeyword("BETWEEN"))
        {
            Advance();
            var lower = ParseOperand();
            if (!Current.IsKeyword("AND"))
            {
                throw SyntaxError();
            }

            Advance();
            var upper = ParseOperand();
            CheckMisused(left, lower, upper);
            CheckBetween(lower, upper);
            return new BetweenNode(left, lower, upper);
        }

        if (token.IsKeyword("IN"))
        {
            Advance();
            Expect(TokenKind.LeftParen);
            var candidates = new List<Operand> { ParseOperand() };
            while (Accept(TokenKind.Comma))
            {
                candidates.Add(ParseOperand());
            }

            Expect(TokenKind.RightParen);
            if (candidates.Count > MaxInOperands)
            {
                throw Invalid($"The IN operator is provided with too many operands; number of operands: {candidates.Count}");
            }

            CheckMisused([left, .. candidates]);
            return new InNode(left, [.. candidates]);
        }

        if (left is SizeOperand)
        {
            Errors.Record(ErrorCategory.MisusedFunction, "The function is not allowed to be used this way in an expression; function: size");
            return TrueNode.Instance;
        }

        throw SyntaxError();
    }

    /// <inheritdoc/>
    protected override Operand BuildFunctionOperand(string name, List<Operand> args)
    {
        if (name == "size")
        {
            if (CheckFunction(name, args, 1))
            {
                CheckMisused([.. args]);
                if (args[0] is ValueOperand { Value.Type: AttributeValueType.N or AttributeValueType.BOOL or AttributeValueType.NULL } v)
                {
                    Errors.Record(ErrorCategory.Function, IncorrectOperand(name, AttributeValue.TypeKey(v.Value.Type)));
                }
                else if (args[0] is SizeOperand)
                {
                    Errors.Record(ErrorCategory.Function, IncorrectOperand(name, "N"));
                }
            }

            return new SizeOperand(args[0]);
        }

        if (IsConditionFunction(name))
        {
            Errors.Record(ErrorCategory.MisusedFunction, $"The function is not allowed to be used this way in an expression; function: {name}");
        }
        else
        {
            Errors.Record(ErrorCategory.UnknownFunction, $"Invalid function name; function: {name}");
        }

        return new MisusedFunctionOperand(name);
    }

    private ConditionNode BuildFunctionCondition(string name, List<Operand> args)
    {
        if (name == "size")
        {
            BuildFunctionOperand(name, args);
            Errors.Record(ErrorCategory.MisusedFunction, "The function is not allowed to be used this way in an expression; function: size");
            return TrueNode.Instance;
        }

        if (!IsConditionFunction(name))
        {
            Errors.Record(ErrorCategory.UnknownFunction, $"Invalid function name; function: {name}");
            return TrueNode.Instance;
        }

        var arity = name is "attribute_exists" or "attribute_not_exists" ? 1 : 2;
        CheckMisused([.. args]);
        if (!CheckFunction(name, args, arity))
        {
            return TrueNode.Instance;
        }

        switch (name)
        {
            case "attribute_exists":
            case "attribute_not_exists":
                if (args[0] is not PathOperand path)
                {
                    Errors.Record(ErrorCategory.Function, $"Operator or function requires a document path; operator or function: {name}");
                    return TrueNode.Instance;
                }

                return new ExistsNode(path.Path, name == "attribute_exists");
            case "attribute_type":
                CheckAttributeType(args[1]);
                if (args[0] is not PathOperand typed)
                {
                    Errors.Record(ErrorCategory.Function, $"Operator or function requires a document path; operator or function: {name}");
                    return TrueNode.Instance;
                }

                return new AttributeTypeNode(typed.Path, args[1]);
            case "begins_with":
                foreach (var arg in args)
                {
                    if (arg is ValueOperand { Value.Type: not (AttributeValueType.S or AttributeValueType.B) } bad)
                    {
                        Errors.Record(ErrorCategory.Function, IncorrectOperand(name, AttributeValue.TypeKey(bad.Value.Type)));
                        break;
                    }

                    if (arg is SizeOperand)
                    {
                        Errors.Record(ErrorCategory.Function, IncorrectOperand(name, "N"));
                        break;
                    }
                }

                return new BeginsWithNode(args[0], args[1]);
            default:
                return new ContainsNode(args[0], args[1]);
        }
    }

    private bool CheckFunction(string name, List<Operand> args, int arity)
    {
        if (args.Count != arity)
        {
            Errors.Record(ErrorCategory.OperandCount, $"Incorrect number of operands for operator or function; operator or function: {name}, number of operands: {args.Count}");
            return false;
        }

        if (arity == 2)
        {
            CheckDistinct(name, args[0], args[1]);
        }

        return true;
    }

    private void CheckAttributeType(Operand type)
    {
        if (type is not ValueOperand { Value: var value } || value.Type != AttributeValueType.S)
        {
            // size() yields a number (observed: dynalite suite scan.js "functions with incorrect operand type").
            var shown = type switch
            {
                ValueOperand v => AttributeValue.TypeKey(v.Value.Type),
                SizeOperand => "N",
                _ => "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}",
            };
            Errors.Record(ErrorCategory.Function, IncorrectOperand("attribute_type", shown));
            return;
        }

        if (Array.IndexOf(s_validTypes, value.AsString()) < 0)
        {
            Errors.Record(ErrorCategory.Function, $"Invalid attribute type name found; type: {value.AsString()}, valid types: {{B,NULL,SS,BOOL,L,BS,N,NS,S,M}}");
        }
    }

    private void CheckBetween(Operand lower, Operand upper)
    {
        if (lower is not ValueOperand { Value: var low } || upper is not ValueOperand { Value: var high })
        {
            return;
        }

        var bounds = $"lower bound operand: AttributeValue: {ValueSemantics.Describe(low)}, upper bound operand: AttributeValue: {ValueSemantics.Describe(high)}";
        if (low.Type != high.Type)
        {
            Errors.Record(ErrorCategory.Function, "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
        }
        else if (ValueSemantics.CompareOrdered(low, high) > 0)
        {
            Errors.Record(ErrorCategory.Function, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + bounds);
        }
    }

    private void CheckDistinct(string op, Operand left, Operand right)
    {
        if (left is PathOperand a && right is PathOperand b && a.Path.Equals(b.Path))
        {
            Errors.Record(ErrorCategory.Distinct, $"The first operand must be distinct from the remaining operands for this operator or function; operator: {op}, first operand: {a.Path}");
        }
    }

    private void CheckMisused(params Operand[] operands)
    {
        foreach (var operand in operands)
        {
            if (operand is MisusedFunctionOperand misused && IsConditionFunction(misused.Name))
            {
                Errors.Record(ErrorCategory.MisusedFunction, $"The function is not allowed to be used this way in an expression; function: {misused.Name}");
            }
        }
    }

    private static string IncorrectOperand(string function, string type) =>
        $"Incorrect operand type for operator or function; operator or function: {function}, operand type: {type}";

    private static bool IsConditionFunction(string name) =>
        name is "attribute_exists" or "attribute_not_exists" or "attribute_type" or "begins_with" or "contains";

    private static bool StartsComparison(Token token) =>
        ComparatorOf(token) is not null || token.IsKeyword("BETWEEN") || token.IsKeyword("IN");

    private static ComparisonOperator? ComparatorOf(Token token) => token.Kind switch
    {
        TokenKind.Equal => ComparisonOperator.Equal,
        TokenKind.NotEqual => ComparisonOperator.NotEqual,
        TokenKind.Less => ComparisonOperator.Less,
        TokenKind.LessOrEqual => ComparisonOperator.LessOrEqual,
        TokenKind.Greater => ComparisonOperator.Greater,
        TokenKind.GreaterOrEqual => ComparisonOperator.GreaterOrEqual,
        _ => null,
    };

    internal static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "<>",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        _ => ">=",
    };
}
