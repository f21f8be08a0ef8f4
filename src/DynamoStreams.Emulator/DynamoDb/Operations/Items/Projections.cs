using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>Reads a read's projection: ProjectionExpression or legacy AttributesToGet.</summary>
internal static class Projections
{
    private static readonly string[] s_legacy = ["AttributesToGet"];
    private static readonly string[] s_expressions = ["ProjectionExpression"];

    /// <summary>Reads the projection of GetItem (no other expressions share the placeholders).</summary>
    public static ProjectionExpression? Read(JsonElement body)
    {
        RequestExpressions.RejectMixed(body, s_legacy, s_expressions);
        var text = JsonFields.GetString(body, "ProjectionExpression");
        var context = RequestExpressions.ReadContext(body, usesExpressions: text is not null);
        var projection = Read(body, context);
        context.ValidateAllUsed();
        return projection;
    }

    /// <summary>Reads the projection with a context shared by other expressions of the request.</summary>
    public static ProjectionExpression? Read(JsonElement body, ExpressionContext context)
    {
        var text = JsonFields.GetString(body, "ProjectionExpression");
        if (text is not null)
        {
            return ProjectionExpression.Parse(text, context);
        }

        var attributes = JsonFields.GetStringList(body, "AttributesToGet");
        if (attributes is null)
        {
            return null;
        }

        if (attributes.Count == 0)
        {
            throw DynamoDbErrors.Validation("1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }

        if (attributes.Distinct(StringComparer.Ordinal).Count() != attributes.Count)
        {
            throw DynamoDbErrors.Validation("One or more parameter values were invalid: Duplicate value in attribute name: " + attributes.GroupBy(a => a).First(g => g.Count() > 1).Key);
        }

        return ProjectionExpression.FromAttributesToGet(attributes);
    }
}
