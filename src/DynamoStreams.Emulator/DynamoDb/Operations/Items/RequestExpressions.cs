using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// Reads a request's <c>ExpressionAttributeNames</c> and <c>ExpressionAttributeValues</c> and applies
/// DynamoDB's rules about mixing them with legacy parameters.
/// </summary>
internal static class RequestExpressions
{
    /// <summary>Builds the placeholder context; the maps are only allowed when the request uses an expression.</summary>
    public static ExpressionContext ReadContext(JsonElement body, bool usesExpressions)
    {
        Dictionary<string, string>? names = null;
        if (JsonFields.TryGetObject(body, "ExpressionAttributeNames", out var namesElement))
        {
            names = new Dictionary<string, string>(StringComparer.Ordinal);
            // The shape check has refused non-string values; a JSON null is ignored, as the service ignores nulls.
            foreach (var property in namesElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    names[property.Name] = property.Value.GetString()!;
                }
            }
        }

        Dictionary<string, AttributeValue>? values = null;
        if (JsonFields.TryGet(body, "ExpressionAttributeValues", out var valuesElement))
        {
            values = ExpressionContext.ReadAttributeValues(valuesElement);
        }

        if (!usesExpressions)
        {
            if (names is not null)
            {
                throw DynamoDbErrors.Validation("ExpressionAttributeNames can only be specified when using expressions");
            }

            if (values is not null)
            {
                throw DynamoDbErrors.Validation("ExpressionAttributeValues can only be specified when using expressions");
            }
        }

        return names is null && values is null ? ExpressionContext.Empty : new ExpressionContext(names, values);
    }

    /// <summary>Rejects a request that mixes legacy and expression parameters, with DynamoDB's message.</summary>
    public static void RejectMixed(JsonElement body, string[] legacy, string[] expressions)
    {
        // Checked without collecting first: nearly every request uses one kind or neither, and then nothing is allocated.
        if (!AnyPresent(body, legacy) || !AnyPresent(body, expressions))
        {
            return;
        }

        throw MixedError(body, legacy, expressions);
    }

    // Apart from RejectMixed: its lambdas capture the body, and a method with such lambdas allocates their closure on
    // entry, before any early return.
    private static AwsServiceException MixedError(JsonElement body, string[] legacy, string[] expressions)
    {
        var usedLegacy = legacy.Where(n => JsonFields.TryGet(body, n, out _)).ToList();
        var usedExpressions = expressions.Where(n => JsonFields.TryGet(body, n, out _)).ToList();
        return DynamoDbErrors.Validation(
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {"
            + string.Join(", ", usedLegacy) + "} Expression parameters: {" + string.Join(", ", usedExpressions) + "}");
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

    /// <summary>Reads an item-valued member (Item, Key, ExclusiveStartKey), or null when absent.</summary>
    public static Dictionary<string, AttributeValue>? ReadItem(JsonElement body, string member)
    {
        if (!JsonFields.TryGet(body, member, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw DynamoDbErrors.Serialization(element.ValueKind == JsonValueKind.Array ? "Start of list found where not expected" : "Expected map or null");
        }

        return AttributeValueReader.ReadItem(element);
    }
}
