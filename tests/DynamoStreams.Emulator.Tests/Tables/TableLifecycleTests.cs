using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DynamoStreams.Emulator.Hosting;

namespace DynamoStreams.Emulator.Tests.Tables;

public sealed class TableLifecycleTests : IClassFixture<TableLifecycleFixture>
{
    private readonly TableLifecycleFixture _fixture;

    public TableLifecycleTests(TableLifecycleFixture fixture)
    {
        _fixture = fixture;
    }

    private AmazonDynamoDBClient Client => _fixture.Client;

    [Fact]
    public async Task CreateTable_BeforeDelay_IsCreatingAndRejectsItemOperations()
    {
        // observed: dynalite suite createTable.js 'should succeed for basic' (CREATING) and getItem.js
        // 'should return ResourceNotFoundException if table is being created'; AWS docs: ResourceNotFoundException
        // "might not be specified correctly, or its status might not be ACTIVE".
        var name = await CreateAsync();

        Assert.Equal(TableStatus.CREATING, (await Client.DescribeTableAsync(name)).Table.TableStatus);
        var put = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.PutItemAsync(name, Item("a")));
        Assert.Equal("Requested resource not found", put.Message);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.GetItemAsync(name, Item("a")));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.QueryAsync(new QueryRequest
        {
            TableName = name,
            KeyConditionExpression = "pk = :p",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":p"] = new("a") },
        }));
    }

    [Fact]
    public async Task CreateTable_AfterDelay_IsActiveWithActiveIndexes()
    {
        // observed: dynalite suite createTable.js 'should change state to ACTIVE after a period' and
        // 'should succeed for multiple GlobalSecondaryIndexes' (IndexStatus CREATING in the answer).
        var name = Infrastructure.Tables.UniqueName("life");
        var created = await Client.CreateTableAsync(Request(name, withIndex: true));
        Assert.Equal(TableStatus.CREATING, created.TableDescription.TableStatus);
        Assert.Equal(IndexStatus.CREATING, created.TableDescription.GlobalSecondaryIndexes.Single().IndexStatus);

        _fixture.Clock.Advance(TableLifecycleFixture.Delay);

        var table = (await Client.DescribeTableAsync(name)).Table;
        Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
        Assert.Equal(IndexStatus.ACTIVE, table.GlobalSecondaryIndexes.Single().IndexStatus);
        await Client.PutItemAsync(name, Item("a"));
    }

    [Fact]
    public async Task DeleteTable_WhileCreating_ThrowsResourceInUse()
    {
        // observed: dynalite suite deleteTable.js 'should eventually delete'.
        var name = await CreateAsync();

        var error = await Assert.ThrowsAsync<ResourceInUseException>(() => Client.DeleteTableAsync(name));

        Assert.Equal("Attempt to change a resource which is still in use: Table is being created: " + name, error.Message);
    }

    [Fact]
    public async Task DeleteTable_BeforeDelay_IsDeletingThenNotFound()
    {
        // observed: dynalite suite deleteTable.js 'should eventually delete' (DELETING without the global indexes,
        // then ResourceNotFoundException).
        var name = Infrastructure.Tables.UniqueName("life");
        await Client.CreateTableAsync(Request(name, withIndex: true));
        _fixture.Clock.Advance(TableLifecycleFixture.Delay);

        var deleted = await Client.DeleteTableAsync(name);

        Assert.Equal(TableStatus.DELETING, deleted.TableDescription.TableStatus);
        Assert.Empty(deleted.TableDescription.GlobalSecondaryIndexes ?? []);
        Assert.Equal(TableStatus.DELETING, (await Client.DescribeTableAsync(name)).Table.TableStatus);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.GetItemAsync(name, Item("a")));
        await Assert.ThrowsAsync<ResourceInUseException>(() => Client.CreateTableAsync(Request(name, withIndex: false)));
        // AWS docs (DeleteTable): "If table is already in the DELETING state, no error is returned."
        Assert.Equal(TableStatus.DELETING, (await Client.DeleteTableAsync(name)).TableDescription.TableStatus);

        _fixture.Clock.Advance(TableLifecycleFixture.Delay);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.DescribeTableAsync(name));
        await Client.CreateTableAsync(Request(name, withIndex: false));
    }

    [Fact]
    public async Task UpdateTable_AddGlobalIndex_IsCreatingThenActive()
    {
        // AWS docs (Managing global secondary indexes): a new index is CREATING while it is backfilled, then ACTIVE.
        var name = await CreateActiveAsync();

        var updated = await Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = name,
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("g", ScalarAttributeType.S)],
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate
            {
                Create = new CreateGlobalSecondaryIndexAction { IndexName = "by-g", KeySchema = [new("g", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.ALL } },
            }],
        });

        Assert.Equal(TableStatus.UPDATING, updated.TableDescription.TableStatus);
        Assert.Equal(IndexStatus.CREATING, updated.TableDescription.GlobalSecondaryIndexes.Single().IndexStatus);
        // AWS docs (DeleteTable): a table in the CREATING or UPDATING state answers ResourceInUseException.
        await Assert.ThrowsAsync<ResourceInUseException>(() => Client.DeleteTableAsync(name));
        Assert.Equal(IndexStatus.CREATING, (await Client.DescribeTableAsync(name)).Table.GlobalSecondaryIndexes.Single().IndexStatus);
        await Client.PutItemAsync(name, Item("a"));
        _fixture.Clock.Advance(TableLifecycleFixture.Delay);
        var table = (await Client.DescribeTableAsync(name)).Table;
        Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
        Assert.Equal(IndexStatus.ACTIVE, table.GlobalSecondaryIndexes.Single().IndexStatus);
    }

    [Fact]
    public async Task UpdateTable_ChangeThroughput_ReportsOldUnitsUntilActive()
    {
        // observed: dynalite suite updateTable.js 'should triple rates and then reduce if requested'.
        var name = Infrastructure.Tables.UniqueName("life");
        await Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
            ProvisionedThroughput = new ProvisionedThroughput(10, 5),
        });
        _fixture.Clock.Advance(TableLifecycleFixture.Delay);

        var raised = (await Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, ProvisionedThroughput = new ProvisionedThroughput(30, 15) })).TableDescription;

        Assert.Equal(TableStatus.UPDATING, raised.TableStatus);
        Assert.Equal(10, raised.ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(_fixture.Clock.GetUtcNow().UtcDateTime, raised.ProvisionedThroughput.LastIncreaseDateTime?.ToUniversalTime());
        _fixture.Clock.Advance(TableLifecycleFixture.Delay);
        var active = (await Client.DescribeTableAsync(name)).Table;
        Assert.Equal(TableStatus.ACTIVE, active.TableStatus);
        Assert.Equal(30, active.ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(_fixture.Clock.GetUtcNow().UtcDateTime, active.ProvisionedThroughput.LastIncreaseDateTime?.ToUniversalTime());

        var lowered = (await Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, ProvisionedThroughput = new ProvisionedThroughput(10, 5) })).TableDescription;

        Assert.Equal(0, lowered.ProvisionedThroughput.NumberOfDecreasesToday);
        // AWS docs (UpdateTable): while the table is UPDATING, another UpdateTable is refused.
        await Assert.ThrowsAsync<ResourceInUseException>(() => Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, ProvisionedThroughput = new ProvisionedThroughput(20, 5) }));
        _fixture.Clock.Advance(TableLifecycleFixture.Delay);
        var decreased = (await Client.DescribeTableAsync(name)).Table.ProvisionedThroughput;
        Assert.Equal(1, decreased.NumberOfDecreasesToday);
        Assert.Equal(10, decreased.ReadCapacityUnits);
        Assert.Equal(_fixture.Clock.GetUtcNow().UtcDateTime, decreased.LastDecreaseDateTime?.ToUniversalTime());
    }

    [Fact]
    public async Task CreateTable_OnDemand_ReportsTheModeWithoutSwitchTimeUntilActive()
    {
        // observed: dynalite suite createTable.js 'should succeed for basic PAY_PER_REQUEST' (BillingModeSummary
        // without LastUpdateToPayPerRequestDateTime in the CreateTable answer).
        var name = Infrastructure.Tables.UniqueName("life");
        var created = (await Client.CreateTableAsync(Request(name, withIndex: false))).TableDescription;
        Assert.Equal(BillingMode.PAY_PER_REQUEST, created.BillingModeSummary.BillingMode);
        Assert.Null(created.BillingModeSummary.LastUpdateToPayPerRequestDateTime);

        _fixture.Clock.Advance(TableLifecycleFixture.Delay);

        Assert.NotNull((await Client.DescribeTableAsync(name)).Table.BillingModeSummary.LastUpdateToPayPerRequestDateTime);
    }

    [Fact]
    public void CommandLine_TableStatusDelay_SetsTheOption()
    {
        Assert.True(EmulatorCommandLine.TryParse(["--table-status-delay-ms", "0"], out var options, out _));
        Assert.Equal(TimeSpan.Zero, options!.TableStatusDelay);
        Assert.False(EmulatorCommandLine.TryParse(["--table-status-delay-ms", "-1"], out _, out var error));
        Assert.Contains("--table-status-delay-ms", error, StringComparison.Ordinal);
        Assert.Contains("--table-status-delay-ms", EmulatorCommandLine.Usage, StringComparison.Ordinal);
    }

    private static CreateTableRequest Request(string name, bool withIndex)
    {
        var request = new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
        };
        if (withIndex)
        {
            request.AttributeDefinitions.Add(new("g", ScalarAttributeType.S));
            request.GlobalSecondaryIndexes = [new GlobalSecondaryIndex { IndexName = "by-g", KeySchema = [new("g", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY } }];
        }

        return request;
    }

    private static Dictionary<string, AttributeValue> Item(string pk) => new() { ["pk"] = new AttributeValue(pk) };

    private async Task<string> CreateAsync()
    {
        var name = Infrastructure.Tables.UniqueName("life");
        await Client.CreateTableAsync(Request(name, withIndex: false));
        return name;
    }

    private async Task<string> CreateActiveAsync()
    {
        var name = await CreateAsync();
        _fixture.Clock.Advance(TableLifecycleFixture.Delay);
        return name;
    }
}
