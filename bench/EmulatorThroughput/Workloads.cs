using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace EmulatorThroughput;

/// <summary>The four measured operations, each one request through the AWS SDK for .NET.</summary>
internal static class Workloads
{
    public const string Table = "bench";
    public const int QueryPartitionSize = 1000;
    public const int ScanTableSize = 1000;

    private static readonly string s_payload = new('x', 200);

    public static async Task CreateTableAsync(IAmazonDynamoDB client)
    {
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = Table,
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.N)],
            ProvisionedThroughput = new ProvisionedThroughput(1000, 1000),
        });
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await client.DescribeTableAsync(Table)).Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Loads one 1,000-item partition ("q") that Query pages through and Scan reads.</summary>
    public static async Task SeedAsync(IAmazonDynamoDB client)
    {
        for (var batch = 0; batch < QueryPartitionSize / 25; batch++)
        {
            var requests = Enumerable.Range(batch * 25, 25)
                .Select(i => new WriteRequest(new PutRequest(Item("q", i))))
                .ToList();
            await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [Table] = requests } });
        }
    }

    /// <summary>Builds a ~300-byte item; <paramref name="version"/> makes every overwrite a real change (a MODIFY).</summary>
    public static Dictionary<string, AttributeValue> Item(string pk, int sk, int version = 42) => new()
    {
        ["pk"] = new AttributeValue(pk),
        ["sk"] = new AttributeValue { N = sk.ToString(CultureInfo.InvariantCulture) },
        ["payload"] = new AttributeValue(s_payload),
        ["n"] = new AttributeValue { N = version.ToString(CultureInfo.InvariantCulture) },
    };

    public static Func<IAmazonDynamoDB, int, int, Task> Get(string name) => name switch
    {
        "PutItem" => (client, worker, i) => client.PutItemAsync(Table, Item("w" + worker.ToString(CultureInfo.InvariantCulture), i % 5000, Environment.TickCount)),
        "GetItem" => (client, worker, i) => client.GetItemAsync(new GetItemRequest
        {
            TableName = Table,
            Key = new() { ["pk"] = new AttributeValue("q"), ["sk"] = new AttributeValue { N = ((i * 7919) % QueryPartitionSize).ToString(CultureInfo.InvariantCulture) } },
        }),
        "Query" => (client, worker, i) => QueryPageAsync(client, i),
        "Scan" => (client, worker, i) => client.ScanAsync(new ScanRequest { TableName = Table, Limit = 100 }),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown workload."),
    };

    /// <summary>Reads one page of 100 from the 1,000-item partition, starting at a rotating offset.</summary>
    private static Task<QueryResponse> QueryPageAsync(IAmazonDynamoDB client, int i)
    {
        var from = (i % 10) * 100;
        return client.QueryAsync(new QueryRequest
        {
            TableName = Table,
            KeyConditionExpression = "pk = :p AND sk >= :from",
            ExpressionAttributeValues = new()
            {
                [":p"] = new AttributeValue("q"),
                [":from"] = new AttributeValue { N = from.ToString(CultureInfo.InvariantCulture) },
            },
            Limit = 100,
        });
    }
}
