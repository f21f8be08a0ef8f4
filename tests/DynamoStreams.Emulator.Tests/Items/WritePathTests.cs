using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.DynamoDb.Tables;
using DynamoStreams.Emulator.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DynamoStreams.Emulator.Tests.Items;

public sealed class WritePathTests : IAsyncLifetime
{
    private readonly RecordingObserver _observer = new();
    private DynamoEmulator _emulator = null!;
    private AmazonDynamoDBClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions
        {
            TableStatusDelay = TimeSpan.Zero,
            ConfigureServices = services =>
            {
                services.AddSingleton<IItemChangeObserver>(_observer);
                services.AddSingleton<ITableChangeObserver>(_observer);
            },
        });
        _client = new AmazonDynamoDBClient(new Amazon.Runtime.BasicAWSCredentials("a", "b"), new AmazonDynamoDBConfig { ServiceURL = _emulator.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Writes_EveryKind_ReachObserverClassifiedBeforeResponse()
    {
        // spec A.3: one change per item write; a write that changes nothing is visible as None
        var table = await Infrastructure.Tables.CreateAsync(_client);
        var item = new Dictionary<string, AttributeValue> { ["pk"] = new("a"), ["v"] = new("1") };
        await _client.PutItemAsync(table, item);
        await _client.PutItemAsync(table, item);
        await _client.UpdateItemAsync(new UpdateItemRequest { TableName = table, Key = new() { ["pk"] = new("a") }, UpdateExpression = "SET v = :v", ExpressionAttributeValues = new() { [":v"] = new("2") } });
        await _client.DeleteItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new("a") });
        await _client.DeleteItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new("a") });
        await _client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [table] = [new WriteRequest(new PutRequest(item))] } });

        var changes = _observer.Changes.Where(c => c.Table.Name == table).ToList();
        Assert.Equal([ItemChangeKind.Insert, ItemChangeKind.None, ItemChangeKind.Modify, ItemChangeKind.Remove, ItemChangeKind.None, ItemChangeKind.Insert], changes.Select(c => c.Kind));
        Assert.Equal("1", changes[2].OldItem!["v"].AsString());
        Assert.Equal("2", changes[2].NewItem!["v"].AsString());
        Assert.All(changes, c => Assert.Equal(WriteOrigin.User, c.Origin));
        Assert.All(changes, c => Assert.Equal("a", c.Keys["pk"].AsString()));
    }

    [Fact]
    public async Task FailedConditionAndCanceledTransaction_ReachNoObserver()
    {
        // spec E.4 #5 and #6: a failed condition or a canceled transaction writes no record
        var table = await Infrastructure.Tables.CreateAsync(_client);
        await _client.PutItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new("a") });
        var before = _observer.Changes.Count;
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => _client.PutItemAsync(new PutItemRequest { TableName = table, Item = new() { ["pk"] = new("a") }, ConditionExpression = "attribute_not_exists(pk)" }));
        await Assert.ThrowsAsync<TransactionCanceledException>(() => _client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = table, Item = new() { ["pk"] = new("b") } } },
                new TransactWriteItem { ConditionCheck = new ConditionCheck { TableName = table, Key = new() { ["pk"] = new("a") }, ConditionExpression = "attribute_not_exists(pk)" } },
            ],
        }));
        Assert.Equal(before, _observer.Changes.Count);
    }

    [Fact]
    public async Task TableLifecycle_CreateUpdateDelete_ReachTableObserver()
    {
        var table = await Infrastructure.Tables.CreateAsync(_client);
        await _client.UpdateTableAsync(new UpdateTableRequest { TableName = table, StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_IMAGE } });
        await _client.DeleteTableAsync(table);
        Assert.Contains(_observer.TableEvents, e => e == ("created", table));
        Assert.Contains(_observer.TableEvents, e => e == ("stream-enabled", table));
        Assert.Contains(_observer.TableEvents, e => e == ("deleted", table));
    }

    private sealed class RecordingObserver : IItemChangeObserver, ITableChangeObserver
    {
        public ConcurrentQueue<ItemChange> Changes { get; } = new();

        public ConcurrentQueue<(string, string)> TableEvents { get; } = new();

        public void OnItemChanging(ItemChange change) => Changes.Enqueue(change);

        public void OnTableCreated(TableDefinition table) => TableEvents.Enqueue(("created", table.Name));

        public void OnTableUpdated(TableDefinition before, TableDefinition after)
        {
            if (!before.Stream.Enabled && after.Stream.Enabled)
            {
                TableEvents.Enqueue(("stream-enabled", after.Name));
            }
        }

        public void OnTableDeleted(TableDefinition table) => TableEvents.Enqueue(("deleted", table.Name));
    }
}
