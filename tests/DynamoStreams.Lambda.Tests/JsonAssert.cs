using System.Globalization;
using System.Text.Json;

namespace DynamoStreams.Lambda.Tests;

/// <summary>
/// Compares two JSON documents field by field and fails with the path of the first difference. Property order is
/// ignored, names are compared exactly (case included), numbers by value (<c>1.0</c> equals <c>1</c>).
/// </summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        using var left = JsonDocument.Parse(expected);
        using var right = JsonDocument.Parse(actual);
        Compare(left.RootElement, right.RootElement, "$");
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: expected a JSON {expected.ValueKind}, got {actual.ValueKind} ({actual.GetRawText()}).");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
                Assert.True(expectedNames.SequenceEqual(actualNames), $"{path}: expected members [{string.Join(", ", expectedNames)}], got [{string.Join(", ", actualNames)}].");
                foreach (var property in expected.EnumerateObject())
                {
                    Compare(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: expected {expected.GetArrayLength()} elements, got {actual.GetArrayLength()}.");
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    Compare(expected[i], actual[i], $"{path}[{i}]");
                }

                break;
            case JsonValueKind.Number:
                Assert.True(
                    decimal.Parse(expected.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture) == decimal.Parse(actual.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture),
                    $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}.");
                break;
            case JsonValueKind.String:
                Assert.True(expected.GetString() == actual.GetString(), $"{path}: expected \"{expected.GetString()}\", got \"{actual.GetString()}\".");
                break;
        }
    }
}
