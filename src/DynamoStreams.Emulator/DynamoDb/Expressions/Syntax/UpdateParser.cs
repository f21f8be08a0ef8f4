using DynamoStreams.Emulator.DynamoDb.Expressions.Ast;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions.Syntax;

/// <summary>
/// Parses UpdateExpression: SET (with +, -, if_not_exists, list_append), REMOVE, ADD and DELETE clauses, each at
/// most once, with DynamoDB's operand-type and overlapping-path checks.
/// </summary>
internal sealed class UpdateParser : OperandParser
{
    private static readonly string[] s_clauses = ["SET", "REMOVE", "ADD", "DELETE"];

    private UpdateParser(string text, ExpressionContext context)
        : base(text, ExpressionKind.Update, context)
    {
    }

    protected override IReadOnlyList<string> Keywords => s_clauses;

    public static List<UpdateAction> Parse(string text, ExpressionContext context)
    {
        var parser = new UpdateParser(text, context);
        var actions = parser.ParseClauses();
        PathRules.Check(actions.ConvertAll(static a => a.Path), parser.Errors);
        parser.ThrowIfErrors();
        return actions;
    }

    private List<UpdateAction> ParseClauses()
    {
        var actions = new List<UpdateAction>();
        var seen = new HashSet<UpdateActionKind>();
        do
        {
            var kind = ClauseOf(Current) ?? throw SyntaxError();
            if (!seen.Add(kind))
            {
                Errors.Record(ErrorCategory.Section, $"The \"{kind.ToString().ToUpperInvariant()}\" section can only be used once in an update expression;");
            }

            Advance();
            do
            {
                actions.Add(ParseAction(kind));
            }
            while (Accept(TokenKind.Comma));
        }
        while (Current.Kind != TokenKind.End);

        return actions;
    }

    private UpdateAction ParseAction(UpdateActionKind kind)
    {
        if (!StartsPath(Current))
        {
            throw SyntaxError();
        }

        var path = ParsePath();
        switch (kind)
        {
            case UpdateActionKind.Set:
                Expect(TokenKind.Equal);
                return new UpdateAction(kind, path, ParseSetValue());
            case UpdateActionKind.Remove:
                return new UpdateAction(kind, path, null);
            default:
                var token = Expect(TokenKind.ValuePlaceholder);
                var value = ResolveValue(token);
                if (value is not null)
                {
                    CheckAddDelete(kind, value);
                }

                return new UpdateAction(kind, path, new ValueOperand(value ?? AttributeValue.Null));
        }
    }

    private Operand ParseSetValue()
    {
        var left = ParseOperand();
        if (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var subtract = Advance().Kind == TokenKind.Minus;
            var right = ParseOperand();
            CheckValueType(subtract ? "-" : "+", AttributeValueType.N, left, right);
            return new ArithmeticOperand(left, right, subtract);
        }

        return left;
    }

    /// <summary>Parenthesized, an operand may be an arithmetic SET value: <c>(a + :b)</c>.</summary>
    protected override Operand ParseParenthesizedOperand() => ParseSetValue();

    /// <inheritdoc/>
    protected override Operand BuildFunctionOperand(string name, List<Operand> args)
    {
        if (name is not ("if_not_exists" or "list_append"))
        {
            Errors.Record(ErrorCategory.UnknownFunction, $"Invalid function name; function: {name}");
            return args[0];
        }

        if (args.Count != 2)
        {
            Errors.Record(ErrorCategory.OperandCount, $"Incorrect number of operands for operator or function; operator or function: {name}, number of operands: {args.Count}");
            return args[0];
        }

        if (name == "list_append")
        {
            CheckValueType(name, AttributeValueType.L, args[0], args[1]);
            return new ListAppendOperand(args[0], args[1]);
        }

        if (args[0] is not PathOperand path)
        {
            Errors.Record(ErrorCategory.Function, $"Operator or function requires a document path; operator or function: {name}");
            return args[1];
        }

        return new IfNotExistsOperand(path.Path, args[1]);
    }

    private void CheckValueType(string function, AttributeValueType expected, params Operand[] operands)
    {
        foreach (var operand in operands)
        {
            if (operand is ValueOperand { Value: var value } && value.Type != expected)
            {
                Errors.Record(ErrorCategory.Function, $"Incorrect operand type for operator or function; operator or function: {function}, operand type: {AttributeValue.TypeKey(value.Type)}");
                return;
            }
        }
    }

    private void CheckAddDelete(UpdateActionKind kind, AttributeValue value)
    {
        var allowed = value.Type is AttributeValueType.SS or AttributeValueType.NS or AttributeValueType.BS
            || (kind == UpdateActionKind.Add && value.Type == AttributeValueType.N);
        if (!allowed)
        {
            Errors.Record(ErrorCategory.ActionOperand, $"Incorrect operand type for operator or function; operator: {kind.ToString().ToUpperInvariant()}, operand type: {ValueSemantics.LongTypeName(value.Type)}");
        }
    }

    private static UpdateActionKind? ClauseOf(Token token)
    {
        for (var i = 0; i < s_clauses.Length; i++)
        {
            if (token.IsKeyword(s_clauses[i]))
            {
                return (UpdateActionKind)i;
            }
        }

        return null;
    }
}
