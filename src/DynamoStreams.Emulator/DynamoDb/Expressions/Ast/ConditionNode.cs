using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions.Ast;

/// <summary>A node of a parsed condition, filter or key condition; evaluation never throws on type mismatches.</summary>
internal abstract class ConditionNode
{
    public abstract bool Evaluate(IReadOnlyDictionary<string, AttributeValue> item);
}

internal sealed class AndNode(ConditionNode left, ConditionNode right) : ConditionNode
{
    public ConditionNode Left { get; } = left;

    public ConditionNode Right { get; } = right;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue> item) => Left.Evaluate(item) && Right.Evaluate(item);
}

internal sealed class OrNode(ConditionNode left, ConditionNode right) : ConditionNode
{
    public ConditionNode Left { get; } = left;

    public ConditionNode Right { get; } = right;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue> item) => Left.Evaluate(item) || Right.Evaluate(item);
}

internal sealed class NotNode(ConditionNode inner) : ConditionNode
{
    public ConditionNode Inner { get; } = inner;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue> item) => !Inner.Evaluate(item);
}

internal sealed class CompareNode(ComparisonOperator op, Operand left, Operand right) : ConditionNode
{
    public ComparisonOperator Operator { get; } = op;

    public Operand Left { get; } = left;

    public Operand Right { get; } = right;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var a = Left.Resolve(item);
        var b = Right.Resolve(item);
        switch (Operator)
        {
            case ComparisonOperator.Equal:
                return a is not null && a.Equals(b);
            case ComparisonOperator.NotEqual:
                // dynalite / real service: a missing operand is "not equal".
                return a is null || !a.Equals(b);
            default:
                var order = ValueSemantics.CompareOrdered(a, b);
                return order is { } o && Operator switch
                {
                    ComparisonOperator.Less => o < 0,
                    ComparisonOperator.LessOrEqual => o <= 0,
                    ComparisonOperator.Greater => o > 0,
                    _ => o >= 0,
                };
        }
    }
}

internal sealed class BetweenNode(Operand subject, Operand lower, Operand upper) : ConditionNode
{
    public Operand Subject { get; } = subject;

    public Operand Lower { get; } = lower;

    public Operand Upper { get; } = upper;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var value = Subject.Resolve(item);
        return ValueSemantics.CompareOrdered(value, Lower.Resolve(item)) >= 0
            && ValueSemantics.CompareOrdered(value, Upper.Resolve(item)) <= 0;
    }
}

internal sealed class InNode(Operand subject, Operand[] candidates) : ConditionNode
{
    public Operand Subject { get; } = subject;

    public Operand[] Candidates { get; } = candidates;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var value = Subject.Resolve(item);
        if (value is null)
        {
            return false;
        }

        foreach (var candidate in Candidates)
        {
            if (value.Equals(candidate.Resolve(item)))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class ExistsNode(DocumentPath path, bool mustExist) : ConditionNode
{
    public DocumentPath Path { get; } = path;

    public bool MustExist { get; } = mustExist;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue> item) => (Path.Resolve(item) is not null) == MustExist;
}

internal sealed class AttributeTypeNode(DocumentPath path, Operand type) : ConditionNode
{
    public DocumentPath Path { get; } = path;

    public Operand Type { get; } = type;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var value = Path.Resolve(item);
        var type = Type.Resolve(item);
        return value is not null && type is { Type: AttributeValueType.S }
            && AttributeValue.TypeKey(value.Type) == type.AsString();
    }
}

internal sealed class BeginsWithNode(Operand subject, Operand prefix) : ConditionNode
{
    public Operand Subject { get; } = subject;

    public Operand Prefix { get; } = prefix;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue> item) =>
        ValueSemantics.BeginsWith(Subject.Resolve(item), Prefix.Resolve(item));
}

internal sealed class ContainsNode(Operand subject, Operand operand) : ConditionNode
{
    public Operand Subject { get; } = subject;

    public Operand Operand { get; } = operand;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue> item) =>
        ValueSemantics.Contains(Subject.Resolve(item), Operand.Resolve(item));
}

/// <summary>Matches every item (used for an absent legacy filter).</summary>
internal sealed class TrueNode : ConditionNode
{
    public static TrueNode Instance { get; } = new();

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue> item) => true;
}
