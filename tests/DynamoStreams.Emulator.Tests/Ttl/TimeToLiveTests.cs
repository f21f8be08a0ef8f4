using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DynamoStreams.Emulator.Tests.Streams;

namespace DynamoStreams.Emulator.Tests.Ttl;

public sealed class TimeToLiveTests(StreamsFixture fixture) : IClassFixture<StreamsFixture>
{
    private AmazonDynamoDBClient Db => fixture.DynamoDb;

    [Fact]
    public async Task UpdateTimeToLive_Enable_DescribeShowsEnabledWithAttribute()
    {
        // spec E.4 #10
        var (table, _) = await fixture.CreateTableAsync();

        var updated = await EnableAsync(table, "expiresAt");
        var described = await Db.DescribeTimeToLiveAsync(table);

        Assert.True(updated.TimeToLiveSpecification.Enabled);
        Assert.Equal("ENABLED", described.TimeToLiveDescription.TimeToLiveStatus.Value);
        Assert.Equal("expiresAt", described.TimeToLiveDescription.AttributeName);
    }

    [Fact]
    public async Task DescribeTimeToLive_NeverEnabled_ShowsDisabled()
    {
        // spec E.3 DescribeTimeToLive
        var (table, _) = await fixture.CreateTableAsync();

        var described = await Db.DescribeTimeToLiveAsync(table);

        Assert.Equal("DISABLED", described.TimeToLiveDescription.TimeToLiveStatus.Value);
        Assert.Null(described.TimeToLiveDescription.AttributeName);
    }

    [Fact]
    public async Task UpdateTimeToLive_EnableTwice_ThrowsValidation()
    {
        // spec E.3 UpdateTimeToLive
        var (table, _) = await fixture.CreateTableAsync();
        await EnableAsync(table, "expiresAt");

        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => EnableAsync(table, "expiresAt"));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal("TimeToLive is already enabled", error.Message);
    }

    [Fact]
    public async Task UpdateTimeToLive_MissingTable_ThrowsResourceNotFound()
    {
        // spec E.2 missing table
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => EnableAsync("no-such-table", "expiresAt"));
    }

    [Fact]
    public async Task Sweep_ExpiredNumberAttribute_DeletesWithServiceIdentityAndKeepsTheRest()
    {
        // spec A.7 #14, A.3 TTL rules (N epoch seconds in the past, not older than five years)
        var (table, arn) = await fixture.CreateTableAsync();
        await EnableAsync(table, "expiresAt");
        var now = fixture.Clock.GetUtcNow().ToUnixTimeSeconds();
        await PutAsync(table, "expired", new AttributeValue { N = (now - 10).ToString(CultureInfo.InvariantCulture) });
        await PutAsync(table, "string-ttl", new AttributeValue { S = (now - 10).ToString(CultureInfo.InvariantCulture) });
        await PutAsync(table, "future", new AttributeValue { N = (now + 3600).ToString(CultureInfo.InvariantCulture) });
        await PutAsync(table, "ancient", new AttributeValue { N = (now - (6L * 365 * 24 * 3600)).ToString(CultureInfo.InvariantCulture) });

        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        await WaitUntilAsync(async () => !(await Db.GetItemAsync(table, Key("expired"))).IsItemSet);
        var records = await fixture.Streams.ReadAllAsync(arn, await fixture.SingleShardIdAsync(arn));

        var remove = Assert.Single(records, r => r.GetProperty("eventName").GetString() == "REMOVE");
        Assert.Equal("expired", remove.GetProperty("dynamodb").GetProperty("Keys").GetProperty("id").GetProperty("S").GetString());
        Assert.Equal("Service", remove.GetProperty("userIdentity").GetProperty("Type").GetString());
        Assert.Equal("dynamodb.amazonaws.com", remove.GetProperty("userIdentity").GetProperty("PrincipalId").GetString());
        Assert.True((await Db.GetItemAsync(table, Key("string-ttl"))).IsItemSet);
        Assert.True((await Db.GetItemAsync(table, Key("future"))).IsItemSet);
        Assert.True((await Db.GetItemAsync(table, Key("ancient"))).IsItemSet);
    }

    [Fact]
    public async Task Sweep_TtlDisabled_DeletesNothing()
    {
        // spec A.3: only tables with TTL enabled are swept
        var (table, _) = await fixture.CreateTableAsync();
        await PutAsync(table, "expired", new AttributeValue { N = (fixture.Clock.GetUtcNow().ToUnixTimeSeconds() - 10).ToString(CultureInfo.InvariantCulture) });

        var sweeper = fixture.Emulator.Services.GetService(typeof(Emulator.DynamoDb.Ttl.TtlSweeper)) as Emulator.DynamoDb.Ttl.TtlSweeper;
        sweeper!.SweepOnce();

        Assert.True((await Db.GetItemAsync(table, Key("expired"))).IsItemSet);
    }

    private Task<UpdateTimeToLiveResponse> EnableAsync(string table, string attribute) => Db.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
    {
        TableName = table,
        TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = attribute },
    });

    private Task PutAsync(string table, string id, AttributeValue expiresAt) =>
        Db.PutItemAsync(table, new Dictionary<string, AttributeValue> { ["id"] = new() { S = id }, ["expiresAt"] = expiresAt });

    private static Dictionary<string, AttributeValue> Key(string id) => new() { ["id"] = new AttributeValue { S = id } };

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
