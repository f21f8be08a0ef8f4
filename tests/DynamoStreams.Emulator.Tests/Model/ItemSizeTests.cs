using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.Tests.Model;

public class ItemSizeTests
{
    // Sizes: DynamoDB developer guide "Item sizes and formats" (names + UTF-8 values, 3 bytes per M/L plus 1 per
    // element, 1 byte for NULL/BOOL) and dynalite's number model (significant digits in base-100 pairs).
    [Theory]
    [InlineData("""{"a":{"S":"abc"}}""", 4)]
    [InlineData("""{"é":{"S":"€"}}""", 5)]
    [InlineData("""{"a":{"B":"AAEC"}}""", 4)]
    [InlineData("""{"a":{"NULL":true}}""", 2)]
    [InlineData("""{"a":{"BOOL":false}}""", 2)]
    [InlineData("""{"a":{"N":"0"}}""", 2)]
    [InlineData("""{"a":{"N":"1"}}""", 3)]
    [InlineData("""{"a":{"N":"10"}}""", 3)]
    [InlineData("""{"a":{"N":"12"}}""", 3)]
    [InlineData("""{"a":{"N":"1.2"}}""", 4)]
    [InlineData("""{"a":{"N":"123"}}""", 4)]
    [InlineData("""{"a":{"N":"-1"}}""", 4)]
    [InlineData("""{"a":{"SS":["ab","c"]}}""", 4)]
    [InlineData("""{"a":{"NS":["1","12"]}}""", 5)]
    [InlineData("""{"a":{"L":[]}}""", 4)]
    [InlineData("""{"a":{"L":[{"S":"xy"},{"NULL":true}]}}""", 9)]
    [InlineData("""{"a":{"M":{}}}""", 4)]
    [InlineData("""{"a":{"M":{"bc":{"S":"x"}}}}""", 8)]
    public void Of_Item_MatchesDynamoDbFormula(string json, long expected)
    {
        Assert.Equal(expected, ItemSize.Of(JsonHelper.ReadItem(json)));
    }

    [Fact]
    public void Of_ItemOfFourHundredKilobytes_ReachesLimitExactly()
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["k"] = AttributeValue.FromString(new string('x', ItemSize.MaxItemBytes - 1)),
        };
        Assert.Equal(ItemSize.MaxItemBytes, ItemSize.Of(item));
    }
}
