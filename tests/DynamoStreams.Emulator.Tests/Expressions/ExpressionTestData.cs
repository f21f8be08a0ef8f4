using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.Tests.Model;

namespace DynamoStreams.Emulator.Tests.Expressions;

internal static class ExpressionTestData
{
    // A shared set of placeholders so table rows stay short.
    public const string Values = """
        {":s":{"S":"abc"},":s2":{"S":"b"},":n":{"N":"5"},":n2":{"N":"10"},":b":{"B":"AAE="},":t":{"BOOL":true},
         ":null":{"NULL":true},":ss":{"SS":["x","y"]},":ns":{"NS":["1","2"]},":l":{"L":[{"S":"z"}]},":m":{"M":{"k":{"S":"v"}}},
         ":typeS":{"S":"S"},":typeN":{"S":"N"},":typeM":{"S":"M"},":bad":{"S":"X"},":zero":{"N":"0"},":one":{"N":"1"},":x":{"S":"x"}}
        """;

    public const string Names = """{"#a":"a","#s":"status","#dot":"a.b","#n":"n"}""";

    public static ExpressionContext Context(string? names = Names, string? values = Values)
    {
        Dictionary<string, string>? nameMap = names is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(names);
        Dictionary<string, AttributeValue>? valueMap = null;
        if (values is not null)
        {
            using var document = JsonDocument.Parse(values);
            valueMap = ExpressionContext.ReadAttributeValues(document.RootElement);
        }

        return new ExpressionContext(nameMap, valueMap);
    }

    public static Dictionary<string, AttributeValue> Item(string json) => JsonHelper.ReadItem(json);

    public const string SampleItem = """
        {"id":{"S":"k1"},"s":{"S":"abcdef"},"n":{"N":"7"},"b":{"B":"AAECAw=="},"t":{"BOOL":true},"nul":{"NULL":true},
         "ss":{"SS":["x","y","z"]},"ns":{"NS":["1","2","3"]},"bs":{"BS":["AAE="]},"l":{"L":[{"S":"z"},{"N":"5"},{"M":{"q":{"S":"deep"}}}]},
         "m":{"M":{"k":{"S":"v"},"nested":{"M":{"x":{"N":"1"}}},"a.b":{"S":"dotted"}}},"status":{"S":"on"},"a.b":{"S":"top-dotted"}}
        """;
}
