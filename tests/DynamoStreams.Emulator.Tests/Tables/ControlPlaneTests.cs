using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DynamoStreams.Emulator.Tests.Infrastructure;

namespace DynamoStreams.Emulator.Tests.Tables;

public sealed partial class ControlPlaneTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public ControlPlaneTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    private AmazonDynamoDBClient Client => _fixture.Client;

    [Fact]
    public async Task CreateTable_WithIndexesStreamAndTags_DescribeReportsEverything()
    {
        // Issue 3 control plane: keys, LSIs, GSIs with projections, billing, stream spec, SSE, tags
        var name = Infrastructure.Tables.UniqueName("full");
        var created = await Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.N), new("lsk", ScalarAttributeType.S), new("gpk", ScalarAttributeType.B)],
            ProvisionedThroughput = new ProvisionedThroughput(5, 7),
            LocalSecondaryIndexes = [new LocalSecondaryIndex { IndexName = "by-lsk", KeySchema = [new("pk", KeyType.HASH), new("lsk", KeyType.RANGE)], Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY } }],
            GlobalSecondaryIndexes = [new GlobalSecondaryIndex { IndexName = "by-gpk", KeySchema = [new("gpk", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = ["a", "b"] }, ProvisionedThroughput = new ProvisionedThroughput(1, 2) }],
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
            SSESpecification = new SSESpecification { Enabled = true },
            Tags = [new Tag { Key = "team", Value = "core" }],
        });
        // observed: dynalite suite createTable.js 'should succeed for basic': CreateTable answers CREATING; with the
        // fixture's zero TableStatusDelay the table is ACTIVE as soon as that answer is sent.
        Assert.Equal(TableStatus.CREATING, created.TableDescription.TableStatus);

        var table = (await Client.DescribeTableAsync(name)).Table;
        Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
        Assert.Equal($"arn:aws:dynamodb:us-east-1:000000000000:table/{name}", table.TableArn);
        Assert.Equal(["pk", "sk"], table.KeySchema.Select(k => k.AttributeName));
        Assert.Equal(5, table.ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(7, table.ProvisionedThroughput.WriteCapacityUnits);
        Assert.Equal(ProjectionType.KEYS_ONLY, table.LocalSecondaryIndexes.Single().Projection.ProjectionType);
        var gsi = table.GlobalSecondaryIndexes.Single();
        Assert.Equal(["a", "b"], gsi.Projection.NonKeyAttributes);
        Assert.Equal(IndexStatus.ACTIVE, gsi.IndexStatus);
        Assert.True(table.StreamSpecification.StreamEnabled);
        Assert.Equal(StreamViewType.NEW_AND_OLD_IMAGES, table.StreamSpecification.StreamViewType);
        // spec A.7 #7: LatestStreamArn = table ARN + /stream/ + label, label is ISO-8601 with ms
        Assert.Matches(StreamLabel(), table.LatestStreamLabel);
        Assert.Equal(table.TableArn + "/stream/" + table.LatestStreamLabel, table.LatestStreamArn);
        Assert.Equal(SSEStatus.ENABLED, table.SSEDescription.Status);

        var tags = await Client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = table.TableArn });
        Assert.Equal("core", tags.Tags.Single(t => t.Key == "team").Value);
    }

    [Fact]
    public async Task CreateTable_Twice_ThrowsResourceInUse()
    {
        var name = await Infrastructure.Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<ResourceInUseException>(() => Infrastructure.Tables.CreateWithNameAsync(Client, name));
        Assert.Equal("Table already exists: " + name, error.Message);
    }

    [Fact]
    public async Task CreateTable_KeyNotDefined_ThrowsValidationWithDynamoText()
    {
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = Infrastructure.Tables.UniqueName(),
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("other", ScalarAttributeType.S)],
        }));
        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal("One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [pk], AttributeDefinitions: [other]", error.Message);
    }

    [Fact]
    public async Task CreateTable_ProvisionedWithoutThroughput_ThrowsValidation()
    {
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = Infrastructure.Tables.UniqueName(),
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
        }));
        Assert.Equal("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED", error.Message);
    }

    [Fact]
    public async Task DescribeTable_Missing_ThrowsResourceNotFoundWithTableName()
    {
        // spec E.2: DescribeTable adds ": Table: <name> not found"
        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.DescribeTableAsync("nope-nope"));
        Assert.Equal("Requested resource not found: Table: nope-nope not found", error.Message);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task ListTables_WithLimit_PagesThroughEveryTableInOrder()
    {
        using var client = _fixture.CreateClient(region: "eu-west-3");
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            names.Add(await Infrastructure.Tables.CreateAsync(client));
        }

        var seen = new List<string>();
        string? start = null;
        do
        {
            var page = await client.ListTablesAsync(new ListTablesRequest { Limit = 2, ExclusiveStartTableName = start });
            Assert.True(page.TableNames.Count <= 2);
            seen.AddRange(page.TableNames);
            start = page.LastEvaluatedTableName;
        }
        while (start is not null);

        Assert.Equal(names.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task Tables_OtherRegion_AreSeparate_SameRegionSharedByEveryAccessKey()
    {
        // Issue 3: tables shared by every access key, scoped by region
        var name = await Infrastructure.Tables.CreateAsync(Client);
        using var otherKey = _fixture.CreateClient(accessKey: "someone-else");
        Assert.Equal(name, (await otherKey.DescribeTableAsync(name)).Table.TableName);
        using var otherRegion = _fixture.CreateClient(region: "ap-south-1");
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => otherRegion.DescribeTableAsync(name));
    }

    [Fact]
    public async Task DeleteTable_Existing_ReturnsDeletingAndTableIsGone()
    {
        var name = await Infrastructure.Tables.CreateAsync(Client);
        var deleted = await Client.DeleteTableAsync(name);
        Assert.Equal(TableStatus.DELETING, deleted.TableDescription.TableStatus);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.DescribeTableAsync(name));
        var again = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.DeleteTableAsync(name));
        Assert.Equal($"Requested resource not found: Table: {name} not found", again.Message);
    }

    [Fact]
    public async Task UpdateTable_CreateAndDeleteGsiAndSwitchBilling_Applies()
    {
        var name = await Infrastructure.Tables.CreateAsync(Client);
        await Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = name,
            AttributeDefinitions = [new("g", ScalarAttributeType.S)],
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Create = new CreateGlobalSecondaryIndexAction { IndexName = "by-g", KeySchema = [new("g", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.ALL } } }],
        });
        var table = (await Client.DescribeTableAsync(name)).Table;
        Assert.Equal("by-g", table.GlobalSecondaryIndexes.Single().IndexName);

        await Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, BillingMode = BillingMode.PROVISIONED, ProvisionedThroughput = new ProvisionedThroughput(3, 4) });
        table = (await Client.DescribeTableAsync(name)).Table;
        Assert.Equal(BillingMode.PROVISIONED, table.BillingModeSummary.BillingMode);
        Assert.Equal(3, table.GlobalSecondaryIndexes.Single().ProvisionedThroughput.ReadCapacityUnits);

        await Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Delete = new DeleteGlobalSecondaryIndexAction { IndexName = "by-g" } }] });
        table = (await Client.DescribeTableAsync(name)).Table;
        Assert.True(table.GlobalSecondaryIndexes is null || table.GlobalSecondaryIndexes.Count == 0);
        Assert.Equal(["pk"], table.AttributeDefinitions.Select(a => a.AttributeName));
    }

    [Fact]
    public async Task UpdateTable_StreamEnableTwiceDisableTwice_MatchesAws()
    {
        // spec A.7 #8: enable twice → ResourceInUse; disable twice → Validation; disable+enable → new ARN
        var name = await Infrastructure.Tables.CreateAsync(Client, stream: StreamViewType.KEYS_ONLY);
        var first = (await Client.DescribeTableAsync(name)).Table.LatestStreamArn;
        await Assert.ThrowsAsync<ResourceInUseException>(() => Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.KEYS_ONLY } }));
        await Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, StreamSpecification = new StreamSpecification { StreamEnabled = false } });
        var disabled = (await Client.DescribeTableAsync(name)).Table;
        Assert.False(disabled.StreamSpecification.StreamEnabled);
        Assert.Equal(first, disabled.LatestStreamArn);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, StreamSpecification = new StreamSpecification { StreamEnabled = false } }));
        Assert.Equal("ValidationException", error.ErrorCode);
        await Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_IMAGE } });
        Assert.NotEqual(first, (await Client.DescribeTableAsync(name)).Table.LatestStreamArn);
    }

    [Fact]
    public async Task TagAndUntag_ExistingTable_ListReflectsChanges()
    {
        var name = await Infrastructure.Tables.CreateAsync(Client);
        var arn = (await Client.DescribeTableAsync(name)).Table.TableArn;
        await Client.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "a", Value = "1" }, new Tag { Key = "b", Value = "2" }] });
        await Client.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = ["a"] });
        var tags = await Client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = arn });
        Assert.Equal("b", tags.Tags.Single().Key);
    }

    [Fact]
    public async Task DescribeLimitsEndpointsAndContinuousBackups_Always_Answer()
    {
        var limits = await Client.DescribeLimitsAsync(new DescribeLimitsRequest());
        Assert.Equal(40000, limits.TableMaxWriteCapacityUnits);
        var endpoints = await Client.DescribeEndpointsAsync(new DescribeEndpointsRequest());
        Assert.Equal(1440, endpoints.Endpoints.Single().CachePeriodInMinutes);

        var name = await Infrastructure.Tables.CreateAsync(Client);
        var before = await Client.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = name });
        Assert.Equal(PointInTimeRecoveryStatus.DISABLED, before.ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus);
        await Client.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest { TableName = name, PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true } });
        var after = await Client.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = name });
        Assert.Equal(PointInTimeRecoveryStatus.ENABLED, after.ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$")]
    private static partial Regex StreamLabel();
}
