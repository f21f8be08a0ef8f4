using System.Text.Encodings.Web;
using System.Text.Json;

namespace DynamoStreams.Construct.Tests.Infrastructure;

/// <summary>Turns JSON text into the dictionaries and arrays that jsii passes to <c>Amazon.CDK.Assertions</c>.</summary>
internal static class Json
{
    public static IDictionary<string, object> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return (IDictionary<string, object>)Convert(document.RootElement);
    }

    public static object Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Convert(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToArray(),
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new NotSupportedException($"JSON {element.ValueKind} has no jsii counterpart."),
    };

    public static string Serialize(object value) =>
        JsonSerializer.Serialize(value, s_options);

    private static readonly JsonSerializerOptions s_options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
