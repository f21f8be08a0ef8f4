using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Expressions.Ast;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions.Legacy;

/// <summary>
/// Converts the legacy parameters the AWS SDK's higher-level APIs still send (<c>Expected</c>, <c>QueryFilter</c>,
/// <c>ScanFilter</c>, <c>KeyConditions</c>, <c>AttributeUpdates</c>, <c>AttributesToGet</c> with
/// <c>ConditionalOperator</c>) into the same compiled forms as expressions, with DynamoDB's validation messages.
/// </summary>
internal static class LegacyParameters
{
    /// <summary>Converts <c>Expected</c> (PutItem, UpdateItem, DeleteItem) into a condition.</summary>
    /// <param name="expected">The Expected map.</param>
    /// <param name="conditionalOperator">"AND" (default) or "OR".</param>
    /// <returns>The condition.</returns>
    /// <exception cref="DynamoValidationException">An entry is invalid (DynamoDB's message).</exception>
    public static ConditionExpression ConvertExpected(JsonElement expected, string? conditionalOperator)
    {
        var conditions = new List<ConditionNode>();
        foreach (var entry in Entries(expected))
        {
            conditions.Add(LegacyCondition.ReadExpected(entry.Name, entry.Value).ToNode());
        }

        return Combine(conditions, conditionalOperator);
    }

    /// <summary>Converts <c>QueryFilter</c> or <c>ScanFilter</c> into a condition.</summary>
    /// <param name="filter">The filter map.</param>
    /// <param name="conditionalOperator">"AND" (default) or "OR".</param>
    /// <returns>The condition.</returns>
    /// <exception cref="DynamoValidationException">An entry is invalid (DynamoDB's message).</exception>
    public static ConditionExpression ConvertFilter(JsonElement filter, string? conditionalOperator)
    {
        var conditions = new List<ConditionNode>();
        foreach (var entry in Entries(filter))
        {
            conditions.Add(LegacyCondition.ReadFilter(entry.Name, entry.Value).ToNode());
        }

        return Combine(conditions, conditionalOperator);
    }

    /// <summary>Converts <c>KeyConditions</c> (Query) into a key condition checked against the key schema.</summary>
    /// <param name="keyConditions">The KeyConditions map.</param>
    /// <param name="partitionKey">The partition key of the table or queried index.</param>
    /// <param name="sortKey">The sort key, or null.</param>
    /// <returns>The key condition.</returns>
    /// <exception cref="DynamoValidationException">The conditions are invalid or do not fit the schema.</exception>
    public static KeyCondition ConvertKeyConditions(JsonElement keyConditions, KeySchemaAttribute partitionKey, KeySchemaAttribute? sortKey) =>
        KeyCondition.Bind(ReadKeyConditionTerms(keyConditions), partitionKey, sortKey);

    /// <summary>
    /// Reads <c>KeyConditions</c> (Query) into key-condition terms: each entry's values, argument count and
    /// types, then the number of entries. Operators no index serves are kept (without an operator) because
    /// DynamoDB reports them only after the key schema is known.
    /// </summary>
    /// <param name="keyConditions">The KeyConditions map.</param>
    /// <returns>The terms.</returns>
    /// <exception cref="DynamoValidationException">An entry is invalid, or there are not one or two.</exception>
    public static List<KeyConditionTerm> ReadKeyConditionTerms(JsonElement keyConditions)
    {
        var terms = new List<KeyConditionTerm>(2);
        foreach (var entry in Entries(keyConditions))
        {
            var condition = LegacyCondition.ReadFilter(entry.Name, entry.Value);
            KeyConditionOperator? op = condition.Operator switch
            {
                "EQ" => KeyConditionOperator.Equal,
                "LE" => KeyConditionOperator.LessOrEqual,
                "LT" => KeyConditionOperator.Less,
                "GE" => KeyConditionOperator.GreaterOrEqual,
                "GT" => KeyConditionOperator.Greater,
                "BEGINS_WITH" => KeyConditionOperator.BeginsWith,
                "BETWEEN" => KeyConditionOperator.Between,
                _ => null,
            };
            terms.Add(new KeyConditionTerm(entry.Name, op, condition.Values));
        }

        KeyCondition.CheckTermCount(terms.Count);
        return terms;
    }

    /// <summary>Converts <c>AttributeUpdates</c> (UpdateItem) into an update.</summary>
    /// <param name="attributeUpdates">The AttributeUpdates map.</param>
    /// <returns>The update.</returns>
    /// <exception cref="DynamoValidationException">An entry is invalid (DynamoDB's message).</exception>
    public static UpdateExpression ConvertAttributeUpdates(JsonElement attributeUpdates)
    {
        var actions = new List<UpdateAction>();
        foreach (var entry in Entries(attributeUpdates))
        {
            var action = entry.Value.TryGetProperty("Action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : "PUT";
            var hasValue = entry.Value.TryGetProperty("Value", out var v) && v.ValueKind != JsonValueKind.Null;
            var path = DocumentPath.ForAttribute(entry.Name);
            if (!hasValue)
            {
                if (action != "DELETE")
                {
                    throw new DynamoValidationException(LegacyMessages.DeleteNeedsNoValue);
                }

                actions.Add(new UpdateAction(UpdateActionKind.Remove, path, null, Legacy: true));
                continue;
            }

            var value = AttributeValueReader.ReadValue(v);
            var type = AttributeValue.TypeKey(value.Type);
            switch (action)
            {
                case "PUT":
                    actions.Add(new UpdateAction(UpdateActionKind.Set, path, new ValueOperand(value), Legacy: true));
                    break;
                case "ADD":
                    if (value.Type is not (AttributeValueType.N or AttributeValueType.SS or AttributeValueType.NS or AttributeValueType.BS or AttributeValueType.L))
                    {
                        throw new DynamoValidationException($"{LegacyMessages.Prefix}ADD action is not supported for the type {type}");
                    }

                    actions.Add(new UpdateAction(UpdateActionKind.Add, path, new ValueOperand(value), Legacy: true));
                    break;
                default:
                    if (value.Type is not (AttributeValueType.SS or AttributeValueType.NS or AttributeValueType.BS))
                    {
                        throw new DynamoValidationException($"{LegacyMessages.Prefix}DELETE action with value is not supported for the type {type}");
                    }

                    actions.Add(new UpdateAction(UpdateActionKind.Delete, path, new ValueOperand(value), Legacy: true));
                    break;
            }
        }

        return new UpdateExpression(actions);
    }

    /// <summary>Converts <c>AttributesToGet</c> into a projection.</summary>
    /// <param name="attributesToGet">The JSON array of names.</param>
    /// <returns>The projection.</returns>
    public static ProjectionExpression ConvertAttributesToGet(JsonElement attributesToGet) =>
        ProjectionExpression.FromAttributesToGet(attributesToGet.EnumerateArray().Select(static e => e.GetString()!));

    private static ConditionExpression Combine(List<ConditionNode> conditions, string? conditionalOperator)
    {
        if (conditions.Count == 0)
        {
            return ConditionExpression.Always;
        }

        var or = string.Equals(conditionalOperator, "OR", StringComparison.Ordinal);
        var node = conditions[0];
        for (var i = 1; i < conditions.Count; i++)
        {
            node = or ? new OrNode(node, conditions[i]) : new AndNode(node, conditions[i]);
        }

        return new ConditionExpression(node);
    }

    private static JsonElement.ObjectEnumerator Entries(JsonElement map) =>
        map.ValueKind == JsonValueKind.Object
            ? map.EnumerateObject()
            : throw new DynamoSerializationException(map.ValueKind == JsonValueKind.Array ? "Start of list found where not expected" : "Expected map or null");
}
