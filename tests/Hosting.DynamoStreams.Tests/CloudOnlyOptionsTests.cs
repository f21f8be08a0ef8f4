using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Validation;

namespace Hosting.DynamoStreams.Tests;

public class CloudOnlyOptionsTests
{
    private const string StreamArn = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000";

    public static TheoryData<Action<IResourceBuilder<DynamoStreamsLambdaResource>>, string> CloudOnly => new()
    {
        { p => p.WithFunction(f => f.Description = "x"), "Function.Description" },
        { p => p.WithFunction(f => f.Architecture = LambdaArchitecture.Arm64), "Function.Architecture = Arm64" },
        { p => p.WithFunction(f => f.Tracing = false), "Function.Tracing = false" },
        { p => p.WithTable(t => { t.BillingMode = DynamoBillingMode.Provisioned; t.ReadCapacity = 10; }), "Table.ReadCapacity/WriteCapacity" },
        { p => p.WithTable(t => t.PointInTimeRecovery = false), "Table.PointInTimeRecovery = false" },
        { p => p.WithTable(t => t.RemovalPolicy = DynamoRemovalPolicy.Destroy), "Table.RemovalPolicy = Destroy" },
        { p => p.WithTable(t => t.DeletionProtection = true), "Table.DeletionProtection = true" },
        { p => p.WithEventSource(e => e.MetricsConfig.Add("EventCount")), "EventSource.MetricsConfig = [EventCount]" },
        { p => p.WithExistingTable("Orders", StreamArn), "WithExistingTable(\"Orders\")" },
    };

    [Fact]
    public void Warning_SeedDefaults_IsNull()
    {
        // issue 7: the seed's defaults (PITR on, Retain, tracing on, x86-64) are not "set" by the user: no warning
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").Resource;

        Assert.Empty(CloudOnlyOptions.Find(pattern));
        Assert.Null(CloudOnlyOptions.Warning(pattern));
    }

    [Theory]
    [MemberData(nameof(CloudOnly))]
    public void Warning_CloudOnlyOptionSet_NamesItOnce(Action<IResourceBuilder<DynamoStreamsLambdaResource>> declare, string expected)
    {
        // DESIGN "Rules": an option that cannot be emulated is warned about clearly in a local run
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders");
        declare(pattern);

        var warning = CloudOnlyOptions.Warning(pattern.Resource);

        Assert.NotNull(warning);
        Assert.StartsWith("DynamoStreams pattern 'orders': cloud-only, no effect in this local run", warning);
        Assert.Single(CloudOnlyOptions.Find(pattern.Resource));
        Assert.Contains(expected, warning);
    }

    [Fact]
    public void Warning_SeveralCloudOnlyOptions_ListsEachInOneMessage()
    {
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders")
            .WithFunction(f => f.Architecture = LambdaArchitecture.Arm64)
            .WithTable(t => t.PointInTimeRecovery = false);

        var warning = CloudOnlyOptions.Warning(pattern.Resource)!;

        Assert.Equal(2, CloudOnlyOptions.Find(pattern.Resource).Count);
        Assert.Contains("Function.Architecture = Arm64; Table.PointInTimeRecovery = false", warning);
    }

    [Fact]
    public void Warning_LocallyEmulatedOptions_AreNotReported()
    {
        // every other option changes the local run: timeout, memory, concurrency, environment, mapping, queue, TTL
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders")
            .WithFunction(f => { f.Timeout = TimeSpan.FromSeconds(30); f.MemorySize = 512; f.ReservedConcurrentExecutions = 2; })
            .WithFunctionEnvironment("MODE", "local")
            .WithEventSource(e => { e.BatchSize = 5; e.ParallelizationFactor = 2; e.Filters.Add("""{"eventName":["INSERT"]}"""); })
            .WithTable(t => t.TimeToLiveAttribute = "expires")
            .WithDeadLetterQueue(q => q.RetentionPeriod = TimeSpan.FromDays(1));

        Assert.Null(CloudOnlyOptions.Warning(pattern.Resource));
    }
}
