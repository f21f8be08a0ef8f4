namespace DynamoStreams.Emulator.DynamoDb.Expressions.Syntax;

/// <summary>Parses ProjectionExpression: comma-separated document paths that may not overlap.</summary>
internal sealed class ProjectionParser : ParserBase
{
    private ProjectionParser(string text, ExpressionContext context)
        : base(text, ExpressionKind.Projection, context)
    {
    }

    protected override IReadOnlyList<string> Keywords => [];

    public static List<DocumentPath> Parse(string text, ExpressionContext context)
    {
        var parser = new ProjectionParser(text, context);
        var paths = new List<DocumentPath>();
        do
        {
            if (!parser.StartsPath(parser.Current))
            {
                throw parser.SyntaxError();
            }

            paths.Add(parser.ParsePath());
        }
        while (parser.Accept(TokenKind.Comma));

        if (parser.Current.Kind != TokenKind.End)
        {
            throw parser.SyntaxError();
        }

        PathRules.Check(paths, parser.Errors);
        parser.ThrowIfErrors();
        return paths;
    }
}
