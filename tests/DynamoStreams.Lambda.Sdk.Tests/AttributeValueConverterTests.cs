using System.Text.Json;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.Runtime;
using DynamoStreams.Lambda.DynamoDBEvents;
using SdkAttributeValue = Amazon.DynamoDBv2.Model.AttributeValue;

namespace DynamoStreams.Lambda.Sdk.Tests;

public class AttributeValueConverterTests
{
    private const string EveryType = """
        {"s":{"S":"text"},"n":{"N":"-12.5E3"},"b":{"B":"AAEC/w=="},"ss":{"SS":["a","b"]},"ns":{"NS":["1","2.5"]},
         "bs":{"BS":["AQ==","AgM="]},"m":{"M":{"inner":{"BOOL":true},"empty":{"M":{}}}},"l":{"L":[{"NULL":true},{"S":"x"},{"L":[]}]},
         "null":{"NULL":true},"bool":{"BOOL":false}}
        """;

    // spec A.4: every attribute-value type survives stream JSON -> SDK AttributeValue -> stream JSON
    [Fact]
    public void ToAttributeValueMap_EveryType_RoundTripsToTheSameJson()
    {
        var image = Read(EveryType);

        var sdk = image.ToAttributeValueMap();
        var back = sdk.ToStreamImage();

        Assert.Equal("text", sdk["s"].S);
        Assert.Equal("-12.5E3", sdk["n"].N);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, sdk["b"].B.ToArray());
        Assert.Equal(["a", "b"], sdk["ss"].SS);
        Assert.Equal(["1", "2.5"], sdk["ns"].NS);
        Assert.Equal([[1], [2, 3]], sdk["bs"].BS.Select(s => s.ToArray()));
        Assert.True(sdk["m"].M["inner"].BOOL);
        Assert.True(sdk["m"].M["empty"].IsMSet);
        Assert.True(sdk["l"].L[0].NULL);
        Assert.True(sdk["l"].L[2].IsLSet);
        Assert.False(sdk["bool"].BOOL);
        Assert.Equal(Write(image), Write(back));
    }

    // spec B.3: a handler can call DynamoDBContext.FromDocument<T> on a stream image
    [Fact]
    public void ToDocument_NewImage_LoadsWithDynamoDBContext()
    {
        var image = Read("""{"OrderId":{"S":"o-1"},"CustomerId":{"S":"c-7"},"Amount":{"N":"19.99"},"Tags":{"SS":["gift","rush"]},"Paid":{"BOOL":true}}""");
        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), RegionEndpoint.USEast1);
        using var context = new DynamoDBContextBuilder()
            .WithDynamoDBClient(() => client)
            .ConfigureContext(c => c.DisableFetchingTableMetadata = true)
            .Build();

        var order = context.FromDocument<Order>(image.ToDocument());

        Assert.Equal("o-1", order.OrderId);
        Assert.Equal("c-7", order.CustomerId);
        Assert.Equal(19.99m, order.Amount);
        Assert.Equal(["gift", "rush"], order.Tags.Order());
        Assert.True(order.Paid);
    }

    // spec A.4: a Document converts back to the same image
    [Fact]
    public void ToStreamImage_Document_RoundTrips()
    {
        var image = Read(EveryType);

        var back = image.ToDocument().ToStreamImage();

        Assert.Equal(Write(image), Write(back));
    }

    // every bad input gets a clear error: a value with no type member names its path
    [Fact]
    public void ToAttributeValueMap_ValueWithoutType_ThrowsNamingThePath()
    {
        var image = Read("""{"m":{"M":{"broken":{}}}}""");

        var ex = Assert.Throws<ArgumentException>(() => image.ToAttributeValueMap());

        Assert.Contains("'m.broken' has no type member set", ex.Message, StringComparison.Ordinal);
    }

    // every bad input gets a clear error, in the SDK direction too
    [Fact]
    public void ToStreamImage_SdkValueWithoutType_Throws()
    {
        var map = new Dictionary<string, SdkAttributeValue> { ["x"] = new() };

        var ex = Assert.Throws<ArgumentException>(() => map.ToStreamImage());

        Assert.Contains("'x' has no type member set", ex.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, DynamoDBEvent.AttributeValue> Read(string json) =>
        JsonSerializer.Deserialize(json, DynamoDBEventJsonContext.Wire.AttributeValueMap)!;

    private static string Write(Dictionary<string, DynamoDBEvent.AttributeValue> image) =>
        JsonSerializer.Serialize(new SortedDictionary<string, DynamoDBEvent.AttributeValue>(image, StringComparer.Ordinal).ToDictionary(), DynamoDBEventJsonContext.Wire.AttributeValueMap);

    [DynamoDBTable("Orders")]
    public sealed class Order
    {
        [DynamoDBHashKey]
        public string OrderId { get; set; } = string.Empty;

        public string CustomerId { get; set; } = string.Empty;

        public decimal Amount { get; set; }

        public HashSet<string> Tags { get; set; } = [];

        public bool Paid { get; set; }
    }
}
