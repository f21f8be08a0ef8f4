using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DynamoStreams.Emulator.Hosting;

namespace DynamoStreams.Emulator.Tests.Streams;

/// <summary>
/// Starts one emulator with a manual clock for a test class, with the AWS SDK DynamoDB client and the typed Streams client.
/// </summary>
public sealed class StreamsFixture : IAsyncLifetime
{
    private DynamoEmulator? _emulator;
    private int _tables;

    public ManualTimeProvider Clock { get; } = new();

    public DynamoEmulator Emulator => _emulator!;

    public AmazonDynamoDBClient DynamoDb { get; private set; } = null!;

    public StreamsTestClient Streams { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _emulator = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, TimeProvider = Clock });
        DynamoDb = new AmazonDynamoDBClient(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AmazonDynamoDBConfig
        {
            ServiceURL = _emulator.Endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });
        Streams = new StreamsTestClient(_emulator.Endpoint);
    }

    /// <summary>Creates a table keyed by <c>id</c> (S) with a stream of the given view type; returns its name and stream ARN.</summary>
    public async Task<(string Table, string StreamArn)> CreateTableAsync(string viewType = "NEW_AND_OLD_IMAGES", bool withSortKey = false)
    {
        var name = "stream-table-" + Interlocked.Increment(ref _tables);
        var request = new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = viewType },
        };
        if (withSortKey)
        {
            request.AttributeDefinitions.Add(new AttributeDefinition("sk", ScalarAttributeType.N));
            request.KeySchema.Add(new KeySchemaElement("sk", KeyType.RANGE));
        }

        var created = await DynamoDb.CreateTableAsync(request);
        return (name, created.TableDescription.LatestStreamArn);
    }

    public async Task<string> SingleShardIdAsync(string streamArn)
    {
        var description = await Streams.DescribeStreamAsync(streamArn);
        return description.GetProperty("Shards").EnumerateArray().Last().GetProperty("ShardId").GetString()!;
    }

    public async Task DisposeAsync()
    {
        DynamoDb?.Dispose();
        Streams?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
