using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions.Ast;

/// <summary>An operand of a condition or of an update's SET value.</summary>
internal abstract class Operand
{
    /// <summary>Returns the operand's value in the item, or null when it does not exist (conditions).</summary>
    public abstract AttributeValue? Resolve(IReadOnlyDictionary<string, AttributeValue> item);

    /// <summary>Returns the operand's value for an update, throwing DynamoDB's runtime error when it cannot.</summary>
    public virtual AttributeValue Evaluate(IReadOnlyDictionary<string, AttributeValue> item) =>
        Resolve(item) ?? throw new DynamoValidationException(UpdateMessages.MissingAttribute);
}

/// <summary>A document path read from the item.</summary>
internal sealed class PathOperand(DocumentPath path) : Operand
{
    public DocumentPath Path { get; } = path;

    public override AttributeValue? Resolve(IReadOnlyDictionary<string, AttributeValue> item) => Path.Resolve(item);
}

/// <summary>An expression attribute value.</summary>
internal sealed class ValueOperand(AttributeValue value) : Operand
{
    public AttributeValue Value { get; } = value;

    public override AttributeValue? Resolve(IReadOnlyDictionary<string, AttributeValue> item) => Value;
}

/// <summary>The size() function.</summary>
internal sealed class SizeOperand(Operand argument) : Operand
{
    public Operand Argument { get; } = argument;

    public override AttributeValue? Resolve(IReadOnlyDictionary<string, AttributeValue> item) =>
        ValueSemantics.Size(Argument.Resolve(item));
}

/// <summary>A boolean function misused as an operand; never evaluated because parsing reports it.</summary>
internal sealed class MisusedFunctionOperand(string name) : Operand
{
    public string Name { get; } = name;

    public override AttributeValue? Resolve(IReadOnlyDictionary<string, AttributeValue> item) =>
        throw new InvalidOperationException("A misused function is reported at parse time.");
}

/// <summary>if_not_exists(path, operand) in a SET value.</summary>
internal sealed class IfNotExistsOperand(DocumentPath path, Operand fallback) : Operand
{
    public DocumentPath Path { get; } = path;

    public Operand Fallback { get; } = fallback;

    public override AttributeValue? Resolve(IReadOnlyDictionary<string, AttributeValue> item) =>
        Path.Resolve(item) ?? Fallback.Resolve(item);

    public override AttributeValue Evaluate(IReadOnlyDictionary<string, AttributeValue> item) =>
        Path.Resolve(item) ?? Fallback.Evaluate(item);
}

/// <summary>list_append(a, b) in a SET value.</summary>
internal sealed class ListAppendOperand(Operand first, Operand second) : Operand
{
    public Operand First { get; } = first;

    public Operand Second { get; } = second;

    public override AttributeValue? Resolve(IReadOnlyDictionary<string, AttributeValue> item) => Evaluate(item);

    public override AttributeValue Evaluate(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var a = First.Evaluate(item);
        var b = Second.Evaluate(item);
        if (a.Type != AttributeValueType.L || b.Type != AttributeValueType.L)
        {
            throw new DynamoValidationException(UpdateMessages.IncorrectDataType);
        }

        return AttributeValue.FromList(a.AsList().AddRange(b.AsList()));
    }
}

/// <summary>a + b or a - b in a SET value.</summary>
internal sealed class ArithmeticOperand(Operand left, Operand right, bool subtract) : Operand
{
    public Operand Left { get; } = left;

    public Operand Right { get; } = right;

    public bool Subtract { get; } = subtract;

    public override AttributeValue? Resolve(IReadOnlyDictionary<string, AttributeValue> item) => Evaluate(item);

    public override AttributeValue Evaluate(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var a = Left.Evaluate(item);
        var b = Right.Evaluate(item);
        if (a.Type != AttributeValueType.N || b.Type != AttributeValueType.N)
        {
            throw new DynamoValidationException(UpdateMessages.IncorrectDataType);
        }

        var result = Subtract ? a.AsNumber().Subtract(b.AsNumber()) : a.AsNumber().Add(b.AsNumber());
        return AttributeValue.FromNumber(result);
    }
}
