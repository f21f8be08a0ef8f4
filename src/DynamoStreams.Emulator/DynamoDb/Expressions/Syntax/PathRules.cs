namespace DynamoStreams.Emulator.DynamoDb.Expressions.Syntax;

/// <summary>Finds overlapping and conflicting document paths as DynamoDB does for updates and projections.</summary>
internal static class PathRules
{
    public static void Check(IReadOnlyList<DocumentPath> paths, SemanticErrors errors)
    {
        for (var later = 1; later < paths.Count; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                var relation = Relate(paths[earlier], paths[later]);
                if (relation == Relation.Overlap)
                {
                    errors.Record(ErrorCategory.Overlap, $"Two document paths overlap with each other; must remove or rewrite one of these paths; path one: {paths[earlier]}, path two: {paths[later]}");
                }
                else if (relation == Relation.Conflict)
                {
                    errors.Record(ErrorCategory.Conflict, $"Two document paths conflict with each other; must remove or rewrite one of these paths; path one: {paths[earlier]}, path two: {paths[later]}");
                }
            }
        }
    }

    private static Relation Relate(DocumentPath a, DocumentPath b)
    {
        var common = Math.Min(a.Count, b.Count);
        for (var i = 0; i < common; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x.IsIndex != y.IsIndex)
            {
                return Relation.Conflict;
            }

            if (x != y)
            {
                return Relation.Disjoint;
            }
        }

        return Relation.Overlap;
    }

    private enum Relation
    {
        Disjoint,
        Overlap,
        Conflict,
    }
}
