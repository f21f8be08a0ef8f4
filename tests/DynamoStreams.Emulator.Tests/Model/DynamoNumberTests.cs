using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.Tests.Model;

public class DynamoNumberTests
{
    // Canonical text is what DynamoDB returns: plain decimal notation (real service: boto3#2500, "1e100" comes back in full).
    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("-0", "0")]
    [InlineData("0.000", "0")]
    [InlineData("+7", "7")]
    [InlineData("1e2", "100")]
    [InlineData("1E+2", "100")]
    [InlineData("00012.3400", "12.34")]
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("-1.5e-3", "-0.0015")]
    [InlineData("123.456e1", "1234.56")]
    [InlineData("12345678901234567890123456789012345678", "12345678901234567890123456789012345678")]
    [InlineData("0e999999999999", "0")]
    public void Parse_ValidText_ReturnsCanonicalText(string text, string expected)
    {
        Assert.Equal(expected, DynamoNumber.Parse(text).ToString());
    }

    // Range ends from the DynamoDB developer guide (Naming rules and data types) and spec E.3.
    [Fact]
    public void Parse_RangeEnds_AreAcceptedInFull()
    {
        Assert.Equal("0." + new string('0', 129) + "1", DynamoNumber.Parse("1e-130").ToString());
        Assert.Equal(new string('9', 38) + new string('0', 88), DynamoNumber.Parse("9.9999999999999999999999999999999999999E+125").ToString());
    }

    // Messages: dynalite validations (copied from the real service).
    [Theory]
    [InlineData("", "The parameter cannot be converted to a numeric value")]
    [InlineData("b", "The parameter cannot be converted to a numeric value: b")]
    [InlineData("1e", "The parameter cannot be converted to a numeric value: 1e")]
    [InlineData("1.2.3", "The parameter cannot be converted to a numeric value: 1.2.3")]
    [InlineData(" 1", "The parameter cannot be converted to a numeric value:  1")]
    [InlineData("0x10", "The parameter cannot be converted to a numeric value: 0x10")]
    [InlineData("NaN", "The parameter cannot be converted to a numeric value: NaN")]
    [InlineData("123456789012345678901234567890123456789", "Attempting to store more than 38 significant digits in a Number")]
    [InlineData("-1.23456789012345678901234567890123456789", "Attempting to store more than 38 significant digits in a Number")]
    [InlineData("1e126", "Number overflow. Attempting to store a number with magnitude larger than supported range")]
    [InlineData("-1e126", "Number overflow. Attempting to store a number with magnitude larger than supported range")]
    [InlineData("1e99999999999999", "Number overflow. Attempting to store a number with magnitude larger than supported range")]
    [InlineData("1e-131", "Number underflow. Attempting to store a number with magnitude smaller than supported range")]
    [InlineData("-1e-131", "Number underflow. Attempting to store a number with magnitude smaller than supported range")]
    public void Parse_InvalidText_ThrowsDynamoMessage(string text, string message)
    {
        var error = Assert.Throws<DynamoValidationException>(() => DynamoNumber.Parse(text));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("1", "2", -1)]
    [InlineData("2", "10", -1)]
    [InlineData("-2", "-10", 1)]
    [InlineData("-1", "0", -1)]
    [InlineData("0", "-0.0", 0)]
    [InlineData("1.5", "1.50", 0)]
    [InlineData("0.001", "0.01", -1)]
    [InlineData("-0.001", "-0.01", 1)]
    [InlineData("99", "100", -1)]
    [InlineData("1e100", "9e99", 1)]
    [InlineData("1.23", "1.3", -1)]
    public void CompareTo_TwoNumbers_OrdersNumerically(string left, string right, int expected)
    {
        Assert.Equal(expected, Math.Sign(DynamoNumber.Parse(left).CompareTo(DynamoNumber.Parse(right))));
    }

    [Theory]
    [InlineData("1", "2", "3")]
    [InlineData("0.1", "0.2", "0.3")]
    [InlineData("-5", "5", "0")]
    [InlineData("1.5", "-3", "-1.5")]
    [InlineData("1e20", "1", "100000000000000000001")]
    [InlineData("99999999999999999999999999999999999999", "1", "100000000000000000000000000000000000000")]
    [InlineData("0", "-7", "-7")]
    public void Add_TwoNumbers_ReturnsExactSum(string left, string right, string expected)
    {
        Assert.Equal(expected, DynamoNumber.Parse(left).Add(DynamoNumber.Parse(right)).ToString());
    }

    [Fact]
    public void Subtract_TwoNumbers_ReturnsExactDifference()
    {
        Assert.Equal("-0.9", DynamoNumber.Parse("0.1").Subtract(DynamoNumber.Parse("1")).ToString());
    }

    // The result of SET a = a + :v and ADD is held to the same limits as stored numbers (real service).
    [Theory]
    [InlineData("1e30", "1e-30", "Attempting to store more than 38 significant digits in a Number")]
    [InlineData("9.9999999999999999999999999999999999999E+125", "1e89", "Number overflow. Attempting to store a number with magnitude larger than supported range")]
    public void Add_ResultOutOfLimits_ThrowsDynamoMessage(string left, string right, string message)
    {
        var error = Assert.Throws<DynamoValidationException>(() => DynamoNumber.Parse(left).Add(DynamoNumber.Parse(right)));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Equals_SameValueDifferentText_IsEqualWithSameHash()
    {
        var a = DynamoNumber.Parse("100");
        var b = DynamoNumber.Parse("1E2");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }
}
