using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.Tests.Model;

public class AttributeValueReaderTests
{
    // Round trip: DynamoDB returns N in canonical form, B as base64, NULL as true (spec E.1; real service).
    [Theory]
    [InlineData("""{"S":"hello"}""", """{"S":"hello"}""")]
    [InlineData("""{"S":""}""", """{"S":""}""")]
    [InlineData("""{"N":"1.50"}""", """{"N":"1.5"}""")]
    [InlineData("""{"N":"-0"}""", """{"N":"0"}""")]
    [InlineData("""{"B":"AAEC"}""", """{"B":"AAEC"}""")]
    [InlineData("""{"B":""}""", """{"B":""}""")]
    [InlineData("""{"SS":["a","b"]}""", """{"SS":["a","b"]}""")]
    [InlineData("""{"NS":["1e2","3"]}""", """{"NS":["100","3"]}""")]
    [InlineData("""{"BS":["Yg==","YQ=="]}""", """{"BS":["Yg==","YQ=="]}""")]
    [InlineData("""{"M":{"a":{"N":"1"},"b":{"L":[]}}}""", """{"M":{"a":{"N":"1"},"b":{"L":[]}}}""")]
    [InlineData("""{"L":[{"S":"x"},{"NULL":true},{"BOOL":false}]}""", """{"L":[{"S":"x"},{"NULL":true},{"BOOL":false}]}""")]
    [InlineData("""{"NULL":true}""", """{"NULL":true}""")]
    [InlineData("""{"BOOL":true}""", """{"BOOL":true}""")]
    [InlineData("""{"S":"a","Unknown":5}""", """{"S":"a"}""")]
    [InlineData("""{"S":"a","N":null}""", """{"S":"a"}""")]
    public void ReadValue_ValidJson_WritesBackAsDynamoDb(string json, string expected)
    {
        Assert.Equal(expected, JsonHelper.Write(JsonHelper.ReadValue(json)));
    }

    // Validation messages: dynalite test suite (copied from the real service), spec E.2.
    [Theory]
    [InlineData("""{}""", "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")]
    [InlineData("""{"a":""}""", "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")]
    [InlineData("""{"M":{"a":{}}}""", "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")]
    [InlineData("""{"L":[{}]}""", "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")]
    [InlineData("""{"L":[{"a":{}}]}""", "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")]
    [InlineData("""{"NULL":false}""", "One or more parameter values were invalid: Null attribute value types must have the value of true")]
    [InlineData("""{"SS":[]}""", "One or more parameter values were invalid: An string set  may not be empty")]
    [InlineData("""{"NS":[]}""", "One or more parameter values were invalid: An number set  may not be empty")]
    [InlineData("""{"BS":[]}""", "One or more parameter values were invalid: Binary sets should not be empty")]
    [InlineData("""{"SS":["a","a"]}""", "One or more parameter values were invalid: Input collection [a, a] contains duplicates.")]
    [InlineData("""{"BS":["Yg==","Yg=="]}""", "One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates.")]
    [InlineData("""{"NS":["1","1.0"]}""", "Input collection contains duplicates")]
    [InlineData("""{"S":"","N":""}""", "The parameter cannot be converted to a numeric value")]
    [InlineData("""{"S":"a","N":"b"}""", "The parameter cannot be converted to a numeric value: b")]
    [InlineData("""{"NS":["1",""]}""", "The parameter cannot be converted to a numeric value")]
    [InlineData("""{"NS":["1","b"]}""", "The parameter cannot be converted to a numeric value: b")]
    [InlineData("""{"N":"1e126"}""", "Number overflow. Attempting to store a number with magnitude larger than supported range")]
    [InlineData("""{"S":"a","N":"1"}""", "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")]
    [InlineData("""{"M":{"x":{"NULL":false}},"S":"a"}""", "One or more parameter values were invalid: Null attribute value types must have the value of true")]
    public void ReadValue_InvalidValue_ThrowsValidationMessage(string json, string message)
    {
        var error = Assert.Throws<DynamoValidationException>(() => JsonHelper.ReadValue(json));
        Assert.Equal(message, error.Message);
    }

    // Serialization messages: dynalite validations/index.js checkType (copied from the real service).
    [Theory]
    [InlineData("""{"S":5}""", "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String")]
    [InlineData("""{"S":true}""", "class java.lang.Boolean can not be converted to an String")]
    [InlineData("""{"S":[]}""", "Start of list found where not expected")]
    [InlineData("""{"S":{}}""", "Start of structure or map found where not expected.")]
    [InlineData("""{"N":1}""", "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String")]
    [InlineData("""{"B":true}""", "class java.lang.Boolean can not be converted to a Blob")]
    [InlineData("""{"B":23}""", "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to a Blob")]
    [InlineData("""{"B":"23456"}""", "Base64 encoded length is expected a multiple of 4 bytes but found: 5")]
    [InlineData("""{"B":"=+/="}""", "Invalid last non-pad Base64 character dectected")]
    [InlineData("""{"B":"ab!d"}""", "Invalid Base64 character: '!'")]
    [InlineData("""{"B":"+/+="}""", "Invalid last non-pad Base64 character dectected")]
    [InlineData("""{"SS":"a"}""", "Expected list or null")]
    [InlineData("""{"SS":{}}""", "Start of structure or map found where not expected.")]
    [InlineData("""{"L":5}""", "Expected list or null")]
    [InlineData("""{"M":"a"}""", "Expected map or null")]
    [InlineData("""{"M":[]}""", "Start of list found where not expected")]
    [InlineData("""{"NULL":1}""", "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an Boolean")]
    [InlineData("""{"L":["a"]}""", "Expected null")]
    [InlineData("""{"L":[[]]}""", "Start of list found where not expected")]
    [InlineData("""{"SS":[],"S":7}""", "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String")]
    public void ReadValue_WrongJsonShape_ThrowsSerializationMessage(string json, string message)
    {
        var error = Assert.Throws<DynamoSerializationException>(() => JsonHelper.ReadValue(json));
        Assert.Equal(message, error.Message);
    }

    // observed: dynalite suite putItem.js 'should return ValidationException for invalid values in Item'
    // ({"NULL":"no"} is read as NULL false) and updateItem.js 'incorrect types in UpdateExpression'
    // ({"NULL":"yes"} and {"NULL":"1"} are NULL true, {"BOOL":"0"} is false): the parser does not refuse them.
    [Theory]
    [InlineData("no", false)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData("yes", true)]
    [InlineData("1", true)]
    [InlineData("TRUE", true)]
    public void ReadValue_StringForBoolean_ReadsItsMeaning(string text, bool expected)
    {
        Assert.Equal(expected, JsonHelper.ReadValue("{\"BOOL\":\"" + text + "\"}").AsBool());
    }

    [Fact]
    public void ReadItem_MapOfValues_ReturnsEveryAttribute()
    {
        var item = JsonHelper.ReadItem("""{"id":{"S":"a"},"n":{"N":"2"},"tags":{"SS":["x"]}}""");
        Assert.Equal(3, item.Count);
        Assert.Equal("a", item["id"].AsString());
        Assert.Equal("2", item["n"].AsNumber().ToString());
        Assert.Equal(new[] { "x" }, item["tags"].AsStringSet().ToArray());
    }

    [Theory]
    [InlineData("""[]""", "Start of list found where not expected")]
    [InlineData("""5""", "Expected map or null")]
    [InlineData("""{"a":[]}""", "Start of list found where not expected")]
    [InlineData("""{"a":"x"}""", "Expected null")]
    public void ReadItem_WrongJsonShape_ThrowsSerializationMessage(string json, string message)
    {
        var error = Assert.Throws<DynamoSerializationException>(() => JsonHelper.ReadItem(json));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void ReadItem_OutValidationError_ReturnsFirstFaultWithoutThrowing()
    {
        var reader = new Utf8JsonReader("""{"a":{"SS":[]},"b":{"NULL":false}}"""u8);
        reader.Read();
        var item = AttributeValueReader.ReadItem(ref reader, out var error);
        Assert.Null(item);
        Assert.Equal("One or more parameter values were invalid: An string set  may not be empty", error);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
    }

    [Fact]
    public void ReadValue_JsonElement_ReadsSameAsReader()
    {
        using var document = JsonDocument.Parse("""{"Item":{"k":{"M":{"n":{"N":"0010"}}}}}""");
        var item = AttributeValueReader.ReadItem(document.RootElement.GetProperty("Item"));
        Assert.Equal("""{"k":{"M":{"n":{"N":"10"}}}}""", JsonHelper.Write(item));
    }

    [Fact]
    public void ReadValue_BinaryAndBinarySet_DecodesBytes()
    {
        Assert.Equal(new byte[] { 0, 1, 2 }, JsonHelper.ReadValue("""{"B":"AAEC"}""").AsBinary().ToArray());
        Assert.Equal(new byte[] { 0x62 }, JsonHelper.ReadValue("""{"BS":["Yg=="]}""").AsBinarySet()[0].ToArray());
    }

    [Fact]
    public void ReadItem_NestedMapsWithRepeatedNames_KeepEachMapsOwnEntriesInOrderLastValueWins()
    {
        // Maps read inside maps share the reader's entry buffer: each must end with exactly its own entries.
        var item = JsonHelper.ReadItem("""
            {"a":{"S":"1"},"m":{"M":{"x":{"N":"1"},"deep":{"M":{"p":{"S":"q"},"p":{"S":"r"}}},"x":{"N":"2"}}},"a":{"S":"3"},"z":{"BOOL":true}}
            """);

        Assert.Equal(["a", "m", "z"], item.Keys);
        Assert.Equal("""{"a":{"S":"3"},"m":{"M":{"x":{"N":"2"},"deep":{"M":{"p":{"S":"r"}}}}},"z":{"BOOL":true}}""", JsonHelper.Write(item));
    }

    [Fact]
    public void ReadItem_AfterAReadThatThrewInsideANestedMap_ReadsOnlyItsOwnEntries()
    {
        Assert.Throws<DynamoSerializationException>(() => JsonHelper.ReadItem("""{"a":{"S":"1"},"m":{"M":{"b":{"S":"2"},"c":{"S":5}}}}"""));

        var item = JsonHelper.ReadItem("""{"k":{"S":"v"}}""");

        Assert.Equal("""{"k":{"S":"v"}}""", JsonHelper.Write(item));
    }
}
