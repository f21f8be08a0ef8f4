using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.Tests.Model;

public class KeyValueComparerTests
{
    // Sort-key order: S by UTF-8 bytes, N numerically, B as unsigned bytes (DynamoDB developer guide, Query; spec E.3).
    [Theory]
    [InlineData("""{"S":"a"}""", """{"S":"b"}""", -1)]
    [InlineData("""{"S":"B"}""", """{"S":"a"}""", -1)]
    [InlineData("""{"S":"ab"}""", """{"S":"a"}""", 1)]
    [InlineData("""{"S":"\uFFFD"}""", """{"S":"\uD83D\uDE00"}""", -1)]
    [InlineData("""{"N":"10"}""", """{"N":"9"}""", 1)]
    [InlineData("""{"N":"-10"}""", """{"N":"-9"}""", -1)]
    [InlineData("""{"N":"1.0"}""", """{"N":"1"}""", 0)]
    [InlineData("""{"B":"fw=="}""", """{"B":"gA=="}""", -1)]
    [InlineData("""{"B":"AA=="}""", """{"B":"AAA="}""", -1)]
    public void Compare_KeyValues_UsesDynamoDbOrder(string left, string right, int expected)
    {
        var result = KeyValueComparer.Instance.Compare(JsonHelper.ReadValue(left), JsonHelper.ReadValue(right));
        Assert.Equal(expected, Math.Sign(result));
    }

    [Fact]
    public void ItemKey_EqualValuesWithDifferentText_AreOneDictionaryKey()
    {
        var keys = new Dictionary<ItemKey, int>
        {
            [new ItemKey(AttributeValue.FromString("p"), AttributeValue.FromNumber("1.50"))] = 1,
        };
        Assert.True(keys.ContainsKey(new ItemKey(AttributeValue.FromString("p"), AttributeValue.FromNumber("1.5"))));
    }

    [Fact]
    public void ItemKey_SortedSet_OrdersByPartitionThenSort()
    {
        var p = AttributeValue.FromString("p");
        var set = new SortedSet<ItemKey>
        {
            new(p, AttributeValue.FromNumber("10")),
            new(p, AttributeValue.FromNumber("9")),
            new(AttributeValue.FromString("a"), AttributeValue.FromNumber("100")),
        };
        Assert.Equal(["100", "9", "10"], set.Select(k => k.Sort!.AsNumber().ToString()));
    }
}
