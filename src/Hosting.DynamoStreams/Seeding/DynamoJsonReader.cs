using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace Aspire.Hosting.DynamoStreams.Seeding;

/// <summary>
/// Reads seed items written in DynamoDB JSON, in the three shapes the AWS CLI reads or writes: a plain array of items,
/// the output of <c>aws dynamodb scan</c> (<c>{"Items":[…]}</c>), and the request file of
/// <c>aws dynamodb batch-write-item --request-items</c> (<c>{"Table":[{"PutRequest":{"Item":{…}}}]}</c>).
/// </summary>
internal static class DynamoJsonReader
{
    private static readonly JsonDocumentOptions s_options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// Parses a document into items.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="source">The file name, for error messages.</param>
    /// <returns>The items with their position in the document.</returns>
    /// <exception cref="FormatException">The document is not one of the shapes, or an attribute value is malformed; the message gives the JSON path.</exception>
    public static IReadOnlyList<(Dictionary<string, AttributeValue> Item, string Path)> Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, s_options);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{source} is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            var items = new List<(Dictionary<string, AttributeValue>, string)>();
            switch (root.ValueKind)
            {
                case JsonValueKind.Array:
                    ReadItems(root, "$", source, items);
                    break;
                case JsonValueKind.Object when root.TryGetProperty("Items", out var scanned) && scanned.ValueKind == JsonValueKind.Array:
                    ReadItems(scanned, "$.Items", source, items);
                    break;
                case JsonValueKind.Object when root.EnumerateObject().Count() == 1 && root.EnumerateObject().Single().Value.ValueKind == JsonValueKind.Array:
                    ReadRequests(root.EnumerateObject().Single(), source, items);
                    break;
                default:
                    throw new FormatException($"{source} must hold DynamoDB JSON items in one of three shapes: an array of items "
                        + "([{\"id\":{\"S\":\"1\"}}]), the output of 'aws dynamodb scan' ({\"Items\":[…]}), or a batch-write-item request file "
                        + "({\"<table>\":[{\"PutRequest\":{\"Item\":{…}}}]}).");
            }

            return items;
        }
    }

    private static void ReadItems(JsonElement array, string path, string source, List<(Dictionary<string, AttributeValue>, string)> items)
    {
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var at = $"{path}[{index++}]";
            items.Add((ReadItem(element, at, source), at));
        }
    }

    private static void ReadRequests(JsonProperty table, string source, List<(Dictionary<string, AttributeValue>, string)> items)
    {
        var index = 0;
        foreach (var request in table.Value.EnumerateArray())
        {
            var at = $"$.{table.Name}[{index++}]";
            if (request.ValueKind != JsonValueKind.Object || !request.TryGetProperty("PutRequest", out var put) || !put.TryGetProperty("Item", out var item))
            {
                throw new FormatException($"{source} {at}: a batch-write-item seed file holds only {{\"PutRequest\":{{\"Item\":{{…}}}}}} entries (a seed cannot delete).");
            }

            items.Add((ReadItem(item, at + ".PutRequest.Item", source), at));
        }
    }

    private static Dictionary<string, AttributeValue> ReadItem(JsonElement element, string path, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{source} {path}: an item must be a JSON object of attribute names to typed values, like {{\"id\":{{\"S\":\"1\"}}}}.");
        }

        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var attribute in element.EnumerateObject())
        {
            item[attribute.Name] = ReadValue(attribute.Value, $"{path}.{attribute.Name}", source);
        }

        return item;
    }

    private static AttributeValue ReadValue(JsonElement element, string path, string source)
    {
        if (element.ValueKind != JsonValueKind.Object || element.EnumerateObject().Count() != 1)
        {
            throw new FormatException($"{source} {path}: a DynamoDB JSON value is an object with exactly one type key "
                + "(S, N, B, BOOL, NULL, SS, NS, BS, L or M), like {\"S\":\"text\"} or {\"N\":\"42\"}; plain JSON values are not accepted because they lose the type.");
        }

        var typed = element.EnumerateObject().Single();
        var value = typed.Value;
        return typed.Name switch
        {
            "S" => new AttributeValue { S = String(value, path, "S", source) },
            "N" => new AttributeValue { N = String(value, path, "N", source) },
            "B" => new AttributeValue { B = Binary(value, path, source) },
            "BOOL" when value.ValueKind is JsonValueKind.True or JsonValueKind.False => new AttributeValue { BOOL = value.GetBoolean() },
            "NULL" when value.ValueKind == JsonValueKind.True => new AttributeValue { NULL = true },
            "SS" => new AttributeValue { SS = [.. Elements(value, path, "SS", source).Select((v, i) => String(v, $"{path}[{i}]", "SS", source))] },
            "NS" => new AttributeValue { NS = [.. Elements(value, path, "NS", source).Select((v, i) => String(v, $"{path}[{i}]", "NS", source))] },
            "BS" => new AttributeValue { BS = [.. Elements(value, path, "BS", source).Select((v, i) => Binary(v, $"{path}[{i}]", source))] },
            "L" when value.ValueKind == JsonValueKind.Array => new AttributeValue { L = [.. value.EnumerateArray().Select((v, i) => ReadValue(v, $"{path}[{i}]", source))] },
            "M" when value.ValueKind == JsonValueKind.Object => new AttributeValue { M = ReadItem(value, path, source) },
            "BOOL" or "NULL" or "L" or "M" => throw new FormatException($"{source} {path}: the value of \"{typed.Name}\" has the wrong JSON type "
                + "(BOOL takes true/false, NULL takes true, L an array, M an object)."),
            _ => throw new FormatException($"{source} {path}: \"{typed.Name}\" is not a DynamoDB type; use S, N, B, BOOL, NULL, SS, NS, BS, L or M."),
        };
    }

    private static string String(JsonElement value, string path, string type, string source) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"{source} {path}: the value of \"{type}\" must be a JSON string{(type == "N" ? " (numbers travel as strings: {\"N\":\"42\"})" : string.Empty)}.");

    private static List<JsonElement> Elements(JsonElement value, string path, string type, string source) =>
        value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray()]
            : throw new FormatException($"{source} {path}: the value of \"{type}\" must be an array of strings.");

    private static MemoryStream Binary(JsonElement value, string path, string source)
    {
        var text = String(value, path, "B", source);
        try
        {
            return new MemoryStream(Convert.FromBase64String(text));
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{source} {path}: binary values are base64 strings, as the AWS CLI writes them.", ex);
        }
    }
}
