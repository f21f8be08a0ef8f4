using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// The expression and legacy parameters of one single-item operation, and DynamoDB's rules on mixing them. The
/// service applies these rules after the member constraints and before it reads the key or item values, so a
/// request that mixes them fails on the mix even when a value is also invalid.
/// </summary>
/// <param name="Legacy">The legacy parameters, in the order DynamoDB lists them.</param>
/// <param name="Expressions">The expression parameters, in the order DynamoDB lists them.</param>
/// <param name="ValueExpressions">The expressions that may use ExpressionAttributeValues.</param>
internal sealed record ExpressionParameters(string[] Legacy, string[] Expressions, string[] ValueExpressions)
{
    /// <summary>Gets the parameters of GetItem.</summary>
    public static ExpressionParameters Get { get; } = new(["AttributesToGet"], ["ProjectionExpression"], []);

    /// <summary>Gets the parameters of PutItem and DeleteItem.</summary>
    public static ExpressionParameters Write { get; } = new(["Expected", "ConditionalOperator"], ["ConditionExpression"], ["ConditionExpression"]);

    /// <summary>Gets the parameters of UpdateItem.</summary>
    public static ExpressionParameters Update { get; } = new(
        ["AttributeUpdates", "Expected", "ConditionalOperator"], ["UpdateExpression", "ConditionExpression"], ["UpdateExpression", "ConditionExpression"]);

    /// <summary>Rejects a request that mixes the kinds or sends placeholder maps without an expression to use them.</summary>
    /// <param name="body">The request object.</param>
    public void Check(JsonElement body)
    {
        RequestExpressions.RejectMixed(body, Legacy, Expressions);
        if (!AnyPresent(body, Expressions) && JsonFields.TryGet(body, "ExpressionAttributeNames", out _))
        {
            throw DynamoDbErrors.Validation("ExpressionAttributeNames can only be specified when using expressions");
        }

        if (ValueExpressions.Length > 0 && !AnyPresent(body, ValueExpressions) && JsonFields.TryGet(body, "ExpressionAttributeValues", out _))
        {
            throw DynamoDbErrors.Validation("ExpressionAttributeValues can only be specified when using expressions: " +
                string.Join(" and ", ValueExpressions) + (ValueExpressions.Length > 1 ? " are null" : " is null"));
        }
    }

    private static bool AnyPresent(JsonElement body, string[] names)
    {
        foreach (var name in names)
        {
            if (JsonFields.TryGet(body, name, out _))
            {
                return true;
            }
        }

        return false;
    }
}
