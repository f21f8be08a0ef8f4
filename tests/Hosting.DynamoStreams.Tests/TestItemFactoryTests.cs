using Amazon.DynamoDBv2.Model;
using Aspire.Hosting;
using Aspire.Hosting.DynamoStreams.Local;

namespace Hosting.DynamoStreams.Tests;

public class TestItemFactoryTests
{
    [Fact]
    public void Create_PatternWithSeedData_CopiesTheSeedShapeWithAFreshKey()
    {
        // issue 16 #6: the test item is shaped like the seed, so the sample's handler accepts it
        var pattern = TestBuilders.Run().AddDynamoStreamsLambda<HandlerSampleProject>("orders")
            .WithSeedData([new Dictionary<string, AttributeValue> { ["id"] = new() { S = "order-1" }, ["customerId"] = new() { S = "c-1" }, ["amount"] = new() { N = "10" } }], produceStreamRecords: false)
            .Resource;

        var item = TestItemFactory.Create(pattern, DateTimeOffset.UnixEpoch);

        Assert.StartsWith("test-", item["id"].S);
        Assert.Equal("c-1", item["customerId"].S);
        Assert.Equal("10", item["amount"].N);
        Assert.Equal("aspire-dashboard", item[TestItemFactory.MarkerAttribute].S);
    }

    [Fact]
    public void Create_NoSeedData_KeysAndMarkerOnly()
    {
        // issue 16 #6: without seed data the table's key schema alone shapes the item
        var pattern = TestBuilders.Run().AddDynamoStreamsLambda<HandlerSampleProject>("orders")
            .WithTable(t => t.SortKey = new Aspire.Hosting.ApplicationModel.DynamoAttribute("at", Aspire.Hosting.ApplicationModel.DynamoAttributeType.Number))
            .Resource;

        var item = TestItemFactory.Create(pattern, DateTimeOffset.FromUnixTimeMilliseconds(42));

        Assert.Equal(["at", "createdAt", "id", "source"], item.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("42", item["at"].N);
        Assert.Contains("id = test-", TestItemFactory.Describe(item));
    }
}
