using System.Text;
using System.Text.Json;

namespace DynamoStreams.Emulator.Protocol.Shapes;

/// <summary>
/// Renders a request value the way DynamoDB's validator quotes it in a violation (Java's <c>toString</c>):
/// strings and numbers as written, lists as <c>[a, b]</c>, maps as <c>{key=value}</c>, structures as
/// <c>{Member: value,Other: value}</c>. Only called when a violation is reported.
/// </summary>
internal static class ConstraintValues
{
    public static string Render(JsonElement value)
    {
        var text = new StringBuilder();
        Append(text, value, inMap: false);
        return text.ToString();
    }

    /// <summary>Renders a map value, whose structures print like Java maps (<c>{a=[...]}</c>).</summary>
    public static string RenderMap(JsonElement map)
    {
        var text = new StringBuilder();
        Append(text, map, inMap: true);
        return text.ToString();
    }

    private static void Append(StringBuilder text, JsonElement value, bool inMap)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                text.Append(value.GetString());
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var first = true;
                foreach (var element in value.EnumerateArray())
                {
                    text.Append(first ? string.Empty : ", ");
                    first = false;
                    Append(text, element, inMap: false);
                }

                text.Append(']');
                break;
            case JsonValueKind.Object:
                AppendObject(text, value, inMap);
                break;
            case JsonValueKind.Null:
                text.Append("null");
                break;
            default:
                text.Append(value.GetRawText());
                break;
        }
    }

    private static void AppendObject(StringBuilder text, JsonElement value, bool inMap)
    {
        text.Append('{');
        var first = true;
        foreach (var property in value.EnumerateObject())
        {
            text.Append(first ? string.Empty : inMap ? ", " : ",");
            first = false;
            text.Append(property.Name).Append(inMap ? "=" : ": ");
            Append(text, property.Value, inMap: false);
        }

        text.Append('}');
    }
}
