using System.Text.Json;
using DynamoStreams.Lambda.DynamoDBEvents;
using Handler.Sample.Orders;

namespace DynamoStreams.Lambda.Tests.HandlerSample;

public class OrderRecordParserTests
{
    // spec A.4: INSERT carries NewImage; the order adds one order and its amount to its customer
    [Fact]
    public void TryParse_Insert_AddsOrderToCustomer()
    {
        var record = Record("INSERT", newImage: """{"orderId":{"S":"o1"},"customerId":{"S":"c1"},"amount":{"N":"19.99"}}""");

        Assert.True(OrderRecordParser.TryParse(record, out var deltas, out var error));

        Assert.Null(error);
        Assert.Equal([new CustomerDelta("c1", 1, 19.99m)], deltas);
    }

    // spec A.4: MODIFY under NEW_AND_OLD_IMAGES carries both images; only the amount difference counts
    [Fact]
    public void TryParse_ModifyAmount_AddsDifference()
    {
        var record = Record("MODIFY", oldImage: """{"customerId":{"S":"c1"},"amount":{"N":"10"}}""", newImage: """{"customerId":{"S":"c1"},"amount":{"N":"12.5"}}""");

        Assert.True(OrderRecordParser.TryParse(record, out var deltas, out _));

        Assert.Equal([new CustomerDelta("c1", 0, 2.5m)], deltas);
    }

    // spec A.4: an order moved to another customer leaves one and joins the other
    [Fact]
    public void TryParse_ModifyCustomer_MovesOrder()
    {
        var record = Record("MODIFY", oldImage: """{"customerId":{"S":"c1"},"amount":{"N":"10"}}""", newImage: """{"customerId":{"S":"c2"},"amount":{"N":"10"}}""");

        Assert.True(OrderRecordParser.TryParse(record, out var deltas, out _));

        Assert.Equal([new CustomerDelta("c1", -1, -10m), new CustomerDelta("c2", 1, 10m)], deltas);
    }

    // spec A.4: a MODIFY that leaves customer and amount alone changes nothing
    [Fact]
    public void TryParse_ModifyOtherAttribute_NoDelta()
    {
        var record = Record("MODIFY", oldImage: """{"customerId":{"S":"c1"},"amount":{"N":"10"},"note":{"S":"a"}}""", newImage: """{"customerId":{"S":"c1"},"amount":{"N":"10.0"},"note":{"S":"b"}}""");

        Assert.True(OrderRecordParser.TryParse(record, out var deltas, out _));

        Assert.Empty(deltas);
    }

    // spec A.4: REMOVE carries OldImage; the order leaves its customer
    [Fact]
    public void TryParse_Remove_SubtractsOrder()
    {
        var record = Record("REMOVE", oldImage: """{"customerId":{"S":"c1"},"amount":{"N":"7"}}""");

        Assert.True(OrderRecordParser.TryParse(record, out var deltas, out _));

        Assert.Equal([new CustomerDelta("c1", -1, -7m)], deltas);
    }

    // malformed orders are explained: the message names the attribute or the stream setting to fix
    [Theory]
    [InlineData("INSERT", null, """{"customerId":{"S":"c1"}}""", "has no numeric 'amount'")]
    [InlineData("INSERT", null, """{"customerId":{"S":"c1"},"amount":{"S":"12"}}""", "has no numeric 'amount'")]
    [InlineData("INSERT", null, """{"amount":{"N":"12"}}""", "has no string 'customerId'")]
    [InlineData("INSERT", null, """{"customerId":{"S":"c1"},"amount":{"N":"1E+300"}}""", "does not fit a decimal")]
    [InlineData("INSERT", null, null, "NEW_AND_OLD_IMAGES")]
    [InlineData("MODIFY", null, """{"customerId":{"S":"c1"},"amount":{"N":"1"}}""", "has no OldImage")]
    [InlineData("TRUNCATE", null, null, "Unknown eventName 'TRUNCATE'")]
    public void TryParse_MalformedRecord_ExplainsWhy(string eventName, string? oldImage, string? newImage, string expected)
    {
        var record = Record(eventName, oldImage, newImage);

        Assert.False(OrderRecordParser.TryParse(record, out var deltas, out var error));

        Assert.Empty(deltas);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    internal static DynamoDBEvent.DynamodbStreamRecord Record(string eventName, string? oldImage = null, string? newImage = null, string sequenceNumber = "100") => new()
    {
        EventName = eventName,
        EventSource = "aws:dynamodb",
        Dynamodb = new DynamoDBEvent.StreamRecord
        {
            SequenceNumber = sequenceNumber,
            StreamViewType = "NEW_AND_OLD_IMAGES",
            OldImage = oldImage is null ? null : JsonSerializer.Deserialize(oldImage, DynamoDBEventJsonContext.Wire.AttributeValueMap),
            NewImage = newImage is null ? null : JsonSerializer.Deserialize(newImage, DynamoDBEventJsonContext.Wire.AttributeValueMap),
        },
    };
}
