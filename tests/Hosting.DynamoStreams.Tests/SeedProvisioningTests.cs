using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Local;
using DynamoStreams.Emulator;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hosting.DynamoStreams.Tests;

/// <summary>
/// Provisions seeded tables in the real emulator through the AWS SDK and reads their streams over the Streams HTTP API.
/// </summary>
public sealed class SeedProvisioningTests : IAsyncLifetime
{
    private DynamoEmulator _emulator = null!;
    private AmazonDynamoDBClient _client = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { Port = 0 });
        _client = new AmazonDynamoDBClient(new BasicAWSCredentials("t", "t"), new AmazonDynamoDBConfig { ServiceURL = _emulator.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task EnsureTable_SeedThroughTheStream_WritesItemsAndOneInsertRecordEach()
    {
        // issue 7: seed with stream records; spec A.3 (a PutItem of a new item produces one INSERT)
        var pattern = Pattern("seeded", produceStreamRecords: true, "a", "b", "c");

        var info = await TableProvisioner.EnsureAsync(_client, pattern, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(3, await CountItemsAsync(info.TableName));
        var records = await ReadStreamAsync(info.StreamArn);
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal("INSERT", r.EventName));
    }

    [Fact]
    public async Task EnsureTable_SeedWithoutStreamRecords_WritesItemsBeforeTheStreamExists()
    {
        // issue 7: seed without stream records: the stream is enabled after the seed (spec A.2: a stream starts empty)
        var pattern = Pattern("quiet", produceStreamRecords: false, "a", "b");

        var info = await TableProvisioner.EnsureAsync(_client, pattern, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(2, await CountItemsAsync(info.TableName));
        Assert.Empty(await ReadStreamAsync(info.StreamArn));
        await _client.PutItemAsync(info.TableName, new Dictionary<string, AttributeValue> { ["id"] = new() { S = "later" } });
        Assert.Single(await ReadStreamAsync(info.StreamArn));
    }

    [Fact]
    public async Task EnsureTable_TableAlreadyExists_DoesNotSeedAgain()
    {
        // issue 7: the seed is loaded once; a table kept by persistence is not seeded again
        var pattern = Pattern("once", produceStreamRecords: true, "a", "b");
        var info = await TableProvisioner.EnsureAsync(_client, pattern, NullLogger.Instance, CancellationToken.None);
        await _client.DeleteItemAsync(info.TableName, new Dictionary<string, AttributeValue> { ["id"] = new() { S = "a" } });

        var again = await TableProvisioner.EnsureAsync(_client, pattern, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(info.StreamArn, again.StreamArn);
        Assert.Equal(1, await CountItemsAsync(info.TableName));
        Assert.Equal(3, (await ReadStreamAsync(info.StreamArn)).Count);
    }

    [Fact]
    public async Task EnsureTable_MoreThanOneBatch_WritesEveryItem()
    {
        // BatchWriteItem takes 25 items per request (spec E.3): a 60-item seed needs three
        var pattern = Pattern("big", produceStreamRecords: false, [.. Enumerable.Range(0, 60).Select(i => $"item-{i}")]);

        var info = await TableProvisioner.EnsureAsync(_client, pattern, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(60, await CountItemsAsync(info.TableName));
    }

    private static DynamoStreamsLambdaResource Pattern(string name, bool produceStreamRecords, params string[] ids)
    {
        var builder = TestBuilders.Run();
        return builder.AddDynamoStreamsLambda<HandlerSampleProject>(name)
            .WithSeedData([.. ids.Select(id => new Dictionary<string, AttributeValue> { ["id"] = new() { S = id }, ["kind"] = new() { S = "seed" } })], produceStreamRecords)
            .Resource;
    }

    private async Task<int> CountItemsAsync(string table) =>
        (await _client.ScanAsync(new ScanRequest { TableName = table, Select = Select.COUNT })).Count ?? 0;

    private async Task<List<StreamRecord>> ReadStreamAsync(string streamArn)
    {
        var source = new HttpStreamSource(new DynamoDbStreamsClient(_http, _emulator.Endpoint, "us-east-1", new BasicAWSCredentials("t", "t")));
        var records = new List<StreamRecord>();
        foreach (var shard in await source.DescribeShardsAsync(streamArn, CancellationToken.None))
        {
            await using var reader = await source.OpenShardAsync(streamArn, shard.ShardId, ShardPosition.TrimHorizon, CancellationToken.None);
            while (true)
            {
                var read = await reader.ReadAsync(1000, CancellationToken.None);
                records.AddRange(read.Records);
                if (read.Records.Count == 0 || read.EndOfShard)
                {
                    break;
                }
            }
        }

        return records;
    }
}
