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

    private List<DocumentPath>? _paths;

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
        foreach (var path in Paths())
        {
            names.Add(path.Root);
        }

        return names;
    }

    /// <summary>Returns the top-level attribute names of the paths that go below the top level ('.' or '[]').</summary>
    /// <returns>The names, in the order the expression reads them; empty when every path is a top-level attribute.</returns>
    public IReadOnlyList<string> NestedPathRoots()
    {
        List<string>? roots = null;
        foreach (var path in Paths())
        {
            if (path.Count > 1)
            {
                (roots ??= []).Add(path.Root);
            }
        }

        return roots ?? (IReadOnlyList<string>)[];
    }

    /// <summary>Every document path the condition reads, in the order the expression reads them.</summary>
    private List<DocumentPath> Paths()
    {
        if (_paths is null)
        {
            var paths = new List<DocumentPath>();
            CollectPaths(Root, paths);
            _paths = paths;
        }

        return _paths;
    }

    private static void CollectPaths(Operand operand, List<DocumentPath> paths) => OperandPaths.Collect(operand, paths);

    private static void CollectPaths(ConditionNode node, List<DocumentPath> paths)
    {
        switch (node)
        {
            case AndNode a:
                CollectPaths(a.Left, paths);
                CollectPaths(a.Right, paths);
                break;
            case OrNode o:
                CollectPaths(o.Left, paths);
                CollectPaths(o.Right, paths);
                break;
            case NotNode n:
                CollectPaths(n.Inner, paths);
                break;
            case CompareNode c:
                CollectPaths(c.Left, paths);
                CollectPaths(c.Right, paths);
                break;
            case BetweenNode b:
                CollectPaths(b.Subject, paths);
                CollectPaths(b.Lower, paths);
                CollectPaths(b.Upper, paths);
                break;
            case InNode i:
                CollectPaths(i.Subject, paths);
                foreach (var candidate in i.Candidates)
                {
                    CollectPaths(candidate, paths);
                }

                break;
            case ExistsNode e:
                paths.Add(e.Path);
                break;
            case AttributeTypeNode t:
                paths.Add(t.Path);
                break;
            case BeginsWithNode w:
                CollectPaths(w.Subject, paths);
                CollectPaths(w.Prefix, paths);
                break;
            case ContainsNode c:
                CollectPaths(c.Subject, paths);
                CollectPaths(c.Operand, paths);
                break;
        }
    }
}
