using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>Reads the condition of a write (ConditionExpression or legacy Expected) and checks placeholder use.</summary>
internal static class WriteConditions
{
    private static readonly string[] s_legacy = ["Expected", "ConditionalOperator"];
    private static readonly string[] s_expressions = ["ConditionExpression"];

    /// <summary>Reads the condition of PutItem or DeleteItem; all placeholders must be used by it.</summary>
    public static ConditionExpression Read(JsonElement body)
    {
        RequestExpressions.RejectMixed(body, s_legacy, s_expressions);
        var text = JsonFields.GetString(body, "ConditionExpression");
        var context = RequestExpressions.ReadContext(body, usesExpressions: text is not null);
        var condition = Parse(text, context) ?? LegacyConditions.ReadExpected(body) ?? ConditionExpression.Always;
        context.ValidateAllUsed();
        return condition;
    }

    /// <summary>Parses a ConditionExpression when present.</summary>
    public static ConditionExpression? Parse(string? text, ExpressionContext context) =>
        text is null ? null : ConditionExpression.Parse(text, ExpressionKind.Condition, context);

    /// <summary>Fails a write on a table deleted after it was looked up.</summary>
    public static void EnsureLive(StoredTable table)
    {
        if (table.IsDeleted)
        {
            throw DynamoDbErrors.ResourceNotFound();
        }
    }
}
