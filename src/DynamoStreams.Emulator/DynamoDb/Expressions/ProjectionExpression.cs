using DynamoStreams.Emulator.DynamoDb.Expressions.Syntax;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions;

/// <summary>A parsed ProjectionExpression (or legacy <c>AttributesToGet</c>) that copies the selected paths out of items.</summary>
internal sealed class ProjectionExpression
{
    private ProjectionExpression(IReadOnlyList<DocumentPath> paths)
    {
        Paths = paths;
    }

    /// <summary>Gets the projected paths.</summary>
    public IReadOnlyList<DocumentPath> Paths { get; }

    /// <summary>Parses a ProjectionExpression, resolving placeholders through the request's context.</summary>
    /// <param name="text">The expression text.</param>
    /// <param name="context">The request's placeholder context.</param>
    /// <returns>The compiled projection.</returns>
    /// <exception cref="DynamoValidationException">The expression is invalid; the message is DynamoDB's.</exception>
    public static ProjectionExpression Parse(string text, ExpressionContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        return new ProjectionExpression(ProjectionParser.Parse(text, context));
    }

    /// <summary>Creates a projection of top-level attributes, as the legacy <c>AttributesToGet</c> parameter asks.</summary>
    /// <param name="attributeNames">The attribute names.</param>
    /// <returns>The projection.</returns>
    /// <exception cref="DynamoValidationException">A name repeats (DynamoDB's message).</exception>
    public static ProjectionExpression FromAttributesToGet(IEnumerable<string> attributeNames)
    {
        ArgumentNullException.ThrowIfNull(attributeNames);
        var names = attributeNames.ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!seen.Add(name))
            {
                throw new DynamoValidationException("One or more parameter values were invalid: Duplicate value in attribute name: " + name);
            }
        }

        return new ProjectionExpression(names.ConvertAll(DocumentPath.ForAttribute));
    }

    /// <summary>Returns a new item holding only the projected paths that exist in <paramref name="item"/>.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The projected item.</returns>
    public Dictionary<string, AttributeValue> Apply(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Projector.Project(item, Paths);
    }

    /// <summary>Returns the distinct top-level attribute names the projection reads (for index projections).</summary>
    /// <returns>The names.</returns>
    public IReadOnlySet<string> TopLevelAttributes() => Paths.Select(static p => p.Root).ToHashSet(StringComparer.Ordinal);
}
