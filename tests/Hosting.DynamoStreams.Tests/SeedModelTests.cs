using System.Text;
using Amazon.DynamoDBv2.Model;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Hosting.DynamoStreams.Tests;

public sealed class SeedModelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dynamostreams-seed").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void WithSeedData_CodeItems_AreKeptInOrderWithTheirSource()
    {
        // issue 7 opt-in: seed data from code, producing stream records by default (any DynamoDB write does)
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders")
            .WithSeedData([Item("a"), Item("b")]).Resource;

        var seed = Assert.IsType<DynamoSeedData>(pattern.SeedData);
        Assert.True(seed.ProduceStreamRecords);
        Assert.Equal(["a", "b"], seed.Items.Select(i => i.Item["id"].S));
        Assert.Equal(["code item #1", "code item #2"], seed.Items.Select(i => i.Source));
    }

    [Fact]
    public void WithSeedDataFile_ArrayOfItems_ParsesEveryDynamoDBType()
    {
        var file = Write("seed.json", """
            [
              {"id":{"S":"1"},"n":{"N":"42.5"},"b":{"B":"AQID"},"t":{"BOOL":true},"z":{"NULL":true},
               "ss":{"SS":["x","y"]},"ns":{"NS":["1","2"]},"bs":{"BS":["AQ=="]},"l":{"L":[{"S":"e"},{"N":"3"}]},"m":{"M":{"k":{"S":"v"}}}}
            ]
            """);
        var builder = TestBuilders.Run();
        var item = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").WithSeedDataFile(file).Resource.SeedData!.Items.Single();

        var a = item.Item;
        Assert.Equal("seed.json $[0]", item.Source);
        Assert.Equal("42.5", a["n"].N);
        Assert.Equal([1, 2, 3], a["b"].B.ToArray());
        Assert.True(a["t"].BOOL);
        Assert.True(a["z"].NULL);
        Assert.Equal(["x", "y"], a["ss"].SS);
        Assert.Equal(["1", "2"], a["ns"].NS);
        Assert.Equal([1], a["bs"].BS.Single().ToArray());
        Assert.Equal(["e", null], a["l"].L.Select(v => v.S));
        Assert.Equal("3", a["l"].L[1].N);
        Assert.Equal("v", a["m"].M["k"].S);
    }

    [Fact]
    public void WithSeedDataFile_ScanOutput_ReadsItsItems()
    {
        // the output of `aws dynamodb scan --table-name X` seeds as it is
        var file = Write("scan.json", """{"Items":[{"id":{"S":"1"}},{"id":{"S":"2"}}],"Count":2,"ScannedCount":2,"ConsumedCapacity":null}""");
        var builder = TestBuilders.Run();
        var seed = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").WithSeedDataFile(file, produceStreamRecords: false).Resource.SeedData!;

        Assert.False(seed.ProduceStreamRecords);
        Assert.Equal(["scan.json $.Items[0]", "scan.json $.Items[1]"], seed.Items.Select(i => i.Source));
    }

    [Fact]
    public void WithSeedDataFile_BatchWriteItemRequestFile_ReadsItsPutRequests()
    {
        // the file of `aws dynamodb batch-write-item --request-items file://seed.json`
        var file = Write("requests.json", """{"Orders":[{"PutRequest":{"Item":{"id":{"S":"1"}}}},{"PutRequest":{"Item":{"id":{"S":"2"}}}}]}""");
        var builder = TestBuilders.Run();
        var seed = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").WithSeedDataFile(file).Resource.SeedData!;

        Assert.Equal(["1", "2"], seed.Items.Select(i => i.Item["id"].S));
    }

    [Fact]
    public void WithSeedDataFile_RelativePath_ResolvesAgainstTheAppHostDirectory()
    {
        var builder = TestBuilders.Run();
        var relative = Path.GetRelativePath(builder.AppHostDirectory, Write("rel.json", """[{"id":{"S":"1"}}]"""));

        var seed = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").WithSeedDataFile(relative).Resource.SeedData!;

        Assert.Single(seed.Items);
    }

    public static TheoryData<string, string> MalformedFiles => new()
    {
        { "{not json", "bad.json is not valid JSON" },
        { """{"a":1,"b":2}""", "must hold DynamoDB JSON items in one of three shapes" },
        { """[{"id":"1"}]""", "bad.json $[0].id: a DynamoDB JSON value is an object with exactly one type key" },
        { """[{"id":{"S":"1","N":"2"}}]""", "bad.json $[0].id: a DynamoDB JSON value is an object with exactly one type key" },
        { """[{"id":{"S":"1"},"n":{"N":42}}]""", "bad.json $[0].n: the value of \"N\" must be a JSON string (numbers travel as strings" },
        { """[{"id":{"S":"1"},"x":{"DATE":"2024"}}]""", "\"DATE\" is not a DynamoDB type" },
        { """[{"id":{"S":"1"},"b":{"B":"%%%"}}]""", "bad.json $[0].b: binary values are base64 strings" },
        { """[{"id":{"S":"1"},"l":{"L":{}}}]""", "bad.json $[0].l: the value of \"L\" has the wrong JSON type" },
        { """[{"id":{"S":"1"},"s":{"SS":"x"}}]""", "bad.json $[0].s: the value of \"SS\" must be an array of strings" },
        { """[1]""", "bad.json $[0]: an item must be a JSON object" },
        { """{"Orders":[{"DeleteRequest":{"Key":{"id":{"S":"1"}}}}]}""", "bad.json $.Orders[0]: a batch-write-item seed file holds only" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void WithSeedDataFile_MalformedFile_ThrowsWithTheJsonPath(string json, string expected)
    {
        var file = Write("bad.json", json);
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders");

        var error = Assert.Throws<DistributedApplicationException>(() => pattern.WithSeedDataFile(file));

        Assert.StartsWith("DynamoStreams pattern 'orders': WithSeedDataFile(", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void WithSeedDataFile_MissingFile_ThrowsNamingTheFullPath()
    {
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders");

        var error = Assert.Throws<DistributedApplicationException>(() => pattern.WithSeedDataFile("nowhere/seed.json"));

        Assert.Contains(Path.Combine(builder.AppHostDirectory, "nowhere", "seed.json"), error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    public static TheoryData<Action<IResourceBuilder<DynamoStreamsLambdaResource>>, string> InvalidSeeds => new()
    {
        { p => p.WithSeedData([new Dictionary<string, AttributeValue> { ["name"] = new() { S = "x" } }]), "seed item code item #1 has no partition key 'id' (S)" },
        { p => p.WithSeedData([new Dictionary<string, AttributeValue> { ["id"] = new() { N = "1" } }]), "seed item code item #1 has partition key 'id' of type N, but the table declares it S" },
        { p => p.WithTable(t => t.SortKey = new("at", DynamoAttributeType.Number)).WithSeedData([Item("a")]), "has no sort key 'at' (N)" },
        { p => p.WithSeedData([Item("a")]).WithTable(t => t.PartitionKey = new("pk")), "has no partition key 'pk' (S)" },
        { p => p.WithSeedData([Item("a")]).WithSeedData([Item("b")], produceStreamRecords: false), "pass the same value to every WithSeedData/WithSeedDataFile call" },
    };

    [Theory]
    [MemberData(nameof(InvalidSeeds))]
    public void WithSeedData_InvalidSeed_ThrowsNamingTheItemAndTheFix(Action<IResourceBuilder<DynamoStreamsLambdaResource>> declare, string expected)
    {
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders");

        var error = Assert.Throws<DistributedApplicationException>(() => declare(pattern));

        Assert.StartsWith("DynamoStreams pattern 'orders': ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void WithSeedData_OnAPatternThatSharesAnotherTable_ThrowsPointingToTheOwner()
    {
        var builder = TestBuilders.Run();
        var orders = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders");
        var audit = builder.AddDynamoStreamsLambda<HandlerSampleProject>("audit").WithExistingTable(orders);

        var error = Assert.Throws<DistributedApplicationException>(() => audit.WithSeedData([Item("a")]));

        Assert.Contains("the table belongs to pattern 'orders' (WithExistingTable); seed it there", error.Message);
    }

    private static Dictionary<string, AttributeValue> Item(string id) => new() { ["id"] = new() { S = id } };

    private string Write(string name, string json)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, json, Encoding.UTF8);
        return path;
    }
}
