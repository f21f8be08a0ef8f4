using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.Tests.Model;

public class AttributeValueEqualityTests
{
    // Sets compare as sets, numbers numerically (DynamoDB developer guide: data types; spec E.3).
    [Theory]
    [InlineData("""{"SS":["a","b"]}""", """{"SS":["b","a"]}""", true)]
    [InlineData("""{"NS":["1","2.0"]}""", """{"NS":["2","1e0"]}""", true)]
    [InlineData("""{"BS":["YQ==","Yg=="]}""", """{"BS":["Yg==","YQ=="]}""", true)]
    [InlineData("""{"N":"1.0"}""", """{"N":"1"}""", true)]
    [InlineData("""{"M":{"a":{"N":"1"},"b":{"S":"x"}}}""", """{"M":{"b":{"S":"x"},"a":{"N":"1.00"}}}""", true)]
    [InlineData("""{"L":[{"N":"1"},{"S":"x"}]}""", """{"L":[{"N":"1"},{"S":"x"}]}""", true)]
    [InlineData("""{"L":[{"N":"1"},{"S":"x"}]}""", """{"L":[{"S":"x"},{"N":"1"}]}""", false)]
    [InlineData("""{"S":"1"}""", """{"N":"1"}""", false)]
    [InlineData("""{"SS":["a"]}""", """{"SS":["a","b"]}""", false)]
    [InlineData("""{"SS":["a","b"]}""", """{"SS":["a","c"]}""", false)]
    [InlineData("""{"B":"YQ=="}""", """{"B":"YQ=="}""", true)]
    [InlineData("""{"B":"YQ=="}""", """{"B":"Yg=="}""", false)]
    [InlineData("""{"NULL":true}""", """{"NULL":true}""", true)]
    [InlineData("""{"BOOL":true}""", """{"BOOL":false}""", false)]
    [InlineData("""{"M":{"a":{"N":"1"}}}""", """{"M":{"a":{"N":"1"},"b":{"N":"1"}}}""", false)]
    public void Equals_TwoValues_ComparesAsDynamoDb(string left, string right, bool expected)
    {
        var a = JsonHelper.ReadValue(left);
        var b = JsonHelper.ReadValue(right);
        Assert.Equal(expected, a.Equals(b));
        Assert.Equal(expected, a == b);
        if (expected)
        {
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
        }
    }

    [Fact]
    public void FromStringSet_Duplicates_ThrowsDynamoMessage()
    {
        var error = Assert.Throws<DynamoValidationException>(() => AttributeValue.FromStringSet(["a", "a"]));
        Assert.Equal("One or more parameter values were invalid: Input collection [a, a] contains duplicates.", error.Message);
    }

    [Fact]
    public void FromNumberSet_Empty_ThrowsDynamoMessage()
    {
        var error = Assert.Throws<DynamoValidationException>(() => AttributeValue.FromNumberSet([]));
        Assert.Equal("One or more parameter values were invalid: An number set  may not be empty", error.Message);
    }

    [Fact]
    public void FromBinary_SourceMutatedAfterwards_ValueUnchanged()
    {
        var bytes = new byte[] { 1, 2 };
        var value = AttributeValue.FromBinary(bytes);
        bytes[0] = 9;
        Assert.Equal(new byte[] { 1, 2 }, value.AsBinary().ToArray());
    }

    [Fact]
    public void AsString_OnNumber_ThrowsInvalidOperation()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AttributeValue.FromNumber("1").AsString());
        Assert.Equal("The attribute value is of type N, not S.", error.Message);
    }

    [Fact]
    public void ToString_Value_IsDynamoJson()
    {
        Assert.Equal("""{"N":"100"}""", AttributeValue.FromNumber("1e2").ToString());
    }
}
