using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.Tests.Model;

public class KeyAttributesTests
{
    private static readonly AttributeValue s_user = AttributeValue.FromString("user#1");
    private static readonly AttributeValue s_zero = AttributeValue.FromNumber("0");

    [Fact]
    public void PartitionAndSortKey_ReadLikeADictionaryOfBothInSchemaOrder()
    {
        var key = new KeyAttributes("pk", s_user, "sk", s_zero);

        Assert.Equal(2, key.Count);
        Assert.Equal([new("pk", s_user), new KeyValuePair<string, AttributeValue>("sk", s_zero)], key.ToList());
        Assert.Equal(["pk", "sk"], key.Keys);
        Assert.Equal([s_user, s_zero], key.Values);
        Assert.Same(s_zero, key["sk"]);
        Assert.True(key.ContainsKey("pk"));
        Assert.False(key.TryGetValue("PK", out _));
        Assert.Equal("""{"pk":{"S":"user#1"},"sk":{"N":"0"}}""", JsonHelper.Write(key));
    }

    [Fact]
    public void PartitionKeyOnly_HasOneEntryAndNoOther()
    {
        var key = new KeyAttributes("pk", s_user);

        Assert.Equal("pk", Assert.Single(key).Key);
        Assert.Equal(["pk"], key.Keys);
        Assert.False(key.ContainsKey("sk"));
        var missing = Assert.Throws<KeyNotFoundException>(() => key["sk"]);
        Assert.Contains("'sk'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SortKeyNamedLikeThePartitionKey_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new KeyAttributes("pk", s_user, "pk", s_zero));

        Assert.Contains("partition key's name", error.Message, StringComparison.Ordinal);
    }
}
