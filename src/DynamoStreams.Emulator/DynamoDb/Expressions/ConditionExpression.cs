using DynamoStreams.Emulator.DynamoDb.Expressions.Ast;
using DynamoStreams.Emulator.DynamoDb.Expressions.Syntax;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions;

/// <summary>
/// A parsed ConditionExpression or FilterExpression (or a legacy <c>Expected</c>/<c>QueryFilter</c>/<c>ScanFilter</c>
/// converted to the same form); parse once per request, evaluate per item without allocating.
/// </summary>
internal sealed class ConditionExpression
{
    private static readonly IReadOnlyDictionary<string, AttributeValue> s_emptyItem = new Dictionary<string, AttributeValue>();

    internal ConditionExpression(ConditionNode root)
    {
        Root = root;
    }

    /// <summary>Gets a condition every item satisfies.</summary>
    public static ConditionExpression Always { get; } = new(TrueNode.Instance);

    internal ConditionNode Root { get; }

    /// <summary>Parses an expression, resolving placeholders through the request's context.</summary>
    /// <param name="text">The expression text.</param>
    /// <param name="kind"><see cref="ExpressionKind.Condition"/> or <see cref="ExpressionKind.Filter"/> (used in error messages).</param>
    /// <param name="context">The request's placeholder context.</param>
    /// <returns>The compiled condition.</returns>
    /// <exception cref="DynamoValidationException">The expression is invalid; the message is DynamoDB's.</exception>
    public static ConditionExpression Parse(string text, ExpressionKind kind, ExpressionContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        return new ConditionExpression(ConditionParser.Parse(text, kind, context));
    }

    /// <summary>Evaluates the condition against an item; a missing item is evaluated as an item with no attributes.</summary>
    /// <param name="item">The item, or null when it does not exist.</param>
    /// <returns>True when the condition holds.</returns>
    public bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) => Root.Evaluate(item ?? s_emptyItem);

    /// <summary>Returns the top-level attribute names the condition reads (FilterExpression may not use key attributes in Query).</summary>
    /// <returns>The distinct names.</returns>
    public IReadOnlySet<string> ReferencedAttributes()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(Root, names);
        return names;
    }

    /// <summary>Returns the top-level attribute names of the paths that go below the top level ('.' or '[]').</summary>
    /// <returns>The names, in the order the expression reads them; empty when every path is a top-level attribute.</returns>
    public IReadOnlyList<string> NestedPathRoots()
    {
        List<string>? roots = null;
        CollectNested(Root, ref roots);
        return roots ?? (IReadOnlyList<string>)[];
    }

    private static void CollectNested(ConditionNode node, ref List<string>? roots)
    {
        switch (node)
        {
            case AndNode a:
                CollectNested(a.Left, ref roots);
                CollectNested(a.Right, ref roots);
                break;
            case OrNode o:
                CollectNested(o.Left, ref roots);
                CollectNested(o.Right, ref roots);
                break;
            case NotNode n:
                CollectNested(n.Inner, ref roots);
                break;
            case CompareNode c:
                CollectNested(c.Left, ref roots);
                CollectNested(c.Right, ref roots);
                break;
            case BetweenNode b:
                CollectNested(b.Subject, ref roots);
                CollectNested(b.Lower, ref roots);
                CollectNested(b.Upper, ref roots);
                break;
            case InNode i:
                CollectNested(i.Subject, ref roots);
                foreach (var candidate in i.Candidates)
                {
                    CollectNested(candidate, ref roots);
                }

                break;
            case ExistsNode e:
                AddNested(e.Path, ref roots);
                break;
            case AttributeTypeNode t:
                AddNested(t.Path, ref roots);
                break;
            case BeginsWithNode w:
                CollectNested(w.Subject, ref roots);
                CollectNested(w.Prefix, ref roots);
                break;
            case ContainsNode c:
                CollectNested(c.Subject, ref roots);
                CollectNested(c.Operand, ref roots);
                break;
        }
    }

    private static void CollectNested(Operand operand, ref List<string>? roots)
    {
        switch (operand)
        {
            case PathOperand p:
                AddNested(p.Path, ref roots);
                break;
            case SizeOperand s:
                CollectNested(s.Argument, ref roots);
                break;
        }
    }

    private static void AddNested(DocumentPath path, ref List<string>? roots)
    {
        if (path.Count > 1)
        {
            (roots ??= []).Add(path.Root);
        }
    }

    private static void Collect(ConditionNode node, HashSet<string> names)
    {
        switch (node)
        {
            case AndNode a:
                Collect(a.Left, names);
                Collect(a.Right, names);
                break;
            case OrNode o:
                Collect(o.Left, names);
                Collect(o.Right, names);
                break;
            case NotNode n:
                Collect(n.Inner, names);
                break;
            case CompareNode c:
                Collect(c.Left, names);
                Collect(c.Right, names);
                break;
            case BetweenNode b:
                Collect(b.Subject, names);
                Collect(b.Lower, names);
                Collect(b.Upper, names);
                break;
            case InNode i:
                Collect(i.Subject, names);
                foreach (var candidate in i.Candidates)
                {
                    Collect(candidate, names);
                }

                break;
            case ExistsNode e:
                names.Add(e.Path.Root);
                break;
            case AttributeTypeNode t:
                names.Add(t.Path.Root);
                break;
            case BeginsWithNode w:
                Collect(w.Subject, names);
                Collect(w.Prefix, names);
                break;
            case ContainsNode c:
                Collect(c.Subject, names);
                Collect(c.Operand, names);
                break;
        }
    }

    private static void Collect(Operand operand, HashSet<string> names)
    {
        switch (operand)
        {
            case PathOperand p:
                names.Add(p.Path.Root);
                break;
            case SizeOperand s:
                Collect(s.Argument, names);
                break;
        }
    }
}
