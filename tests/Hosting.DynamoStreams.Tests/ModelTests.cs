using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Local.Lambda;

namespace Hosting.DynamoStreams.Tests;

public class ModelTests
{
    [Fact]
    public void AddDynamoStreamsLambda_NoOptions_CarriesTheSeedDefaults()
    {
        // spec construct.md "Defaults" (table, event source, DLQ) and B.1 parameter names
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").Resource;

        Assert.Equal(new DynamoAttribute("id", DynamoAttributeType.String), pattern.Table.PartitionKey);
        Assert.Null(pattern.Table.SortKey);
        Assert.Equal(DynamoStreamViewType.NewAndOldImages, pattern.Table.Stream);
        Assert.Equal(DynamoBillingMode.PayPerRequest, pattern.Table.BillingMode);
        Assert.True(pattern.Table.PointInTimeRecovery);
        Assert.Equal(DynamoRemovalPolicy.Retain, pattern.Table.RemovalPolicy);
        Assert.Equal(DynamoStartingPosition.TrimHorizon, pattern.EventSource.StartingPosition);
        Assert.True(pattern.EventSource.BisectBatchOnError);
        Assert.Equal(TimeSpan.FromHours(24), pattern.EventSource.MaxRecordAge);
        Assert.Equal(500, pattern.EventSource.RetryAttempts);
        Assert.Equal(100, pattern.EventSource.BatchSize);
        Assert.True(pattern.EventSource.Enabled);
        Assert.False(pattern.EventSource.ReportBatchItemFailures);
        Assert.True(pattern.DeploySqsDlqQueue);
        Assert.True(pattern.Function.Tracing);
        Assert.Equal(TimeSpan.FromSeconds(3), pattern.Function.Timeout);
        Assert.Equal(128, pattern.Function.MemorySize);
        Assert.Equal("orders", pattern.LocalTableName);
        Assert.Equal("orders-dlq", pattern.LocalQueueName);
        Assert.Equal(LambdaHandlerKind.Project, pattern.Handler.Kind);
        Assert.Equal("provided.al2023", pattern.Handler.Runtime);
        Assert.Equal("Handler.Sample", pattern.Handler.Handler);
    }

    [Fact]
    public void AddDynamoStreamsLambda_ProjectHandler_AddsChildrenUnderThePattern()
    {
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").Resource;
        var model = builder.Resources;

        var table = Assert.Single(model.OfType<DynamoStreamsTableResource>());
        var mapping = Assert.Single(model.OfType<DynamoStreamsMappingResource>());
        var dlq = Assert.Single(model.OfType<DynamoStreamsDeadLetterQueueResource>());
        Assert.Equal(("orders-table", "orders-mapping", "orders-dlq"), (table.Name, mapping.Name, dlq.Name));
        Assert.Same(pattern, table.Parent);
        Assert.Same(pattern, mapping.Parent);
        Assert.Same(pattern, dlq.Parent);

        var function = Assert.IsType<ProjectResource>(pattern.FunctionResource);
        Assert.Equal("orders-function", function.Name);
        Assert.Contains(function.Annotations.OfType<ResourceRelationshipAnnotation>(), r => r.Type == "Parent" && ReferenceEquals(r.Resource, pattern));
        Assert.EndsWith("Handler.Sample.csproj", function.GetProjectMetadata().ProjectPath);
    }

    [Fact]
    public void AddDynamoStreamsLambda_TwoPatterns_ShareOneEmulatorAndOneRuntimeHost()
    {
        var builder = TestBuilders.Run();
        var a = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").Resource;
        var b = builder.AddDynamoStreamsLambda<HandlerSampleProject>("payments").Resource;

        var emulator = Assert.Single(builder.Resources.OfType<DynamoStreamsEmulatorResource>());
        Assert.Single(builder.Resources.OfType<LambdaRuntimeHostResource>());
        Assert.Same(emulator, a.Emulator);
        Assert.Same(emulator, b.Emulator);
        Assert.Equal(DynamoStreamsLambdaBuilderExtensions.EmulatorResourceName, emulator.Name);
    }

    [Fact]
    public void AddDynamoStreamsLambda_Resources_ShowTypedInitialStateInTheDashboard()
    {
        // issue 7: every part has a ResourceType and starts NotStarted until the local run publishes state
        var builder = TestBuilders.Run();
        builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders");

        var types = builder.Resources
            .Select(r => (r.Name, Snapshot: r.Annotations.OfType<ResourceSnapshotAnnotation>().SingleOrDefault()?.InitialSnapshot))
            .Where(r => r.Snapshot is not null)
            .ToDictionary(r => r.Name, r => r.Snapshot!);
        Assert.Equal("DynamoStreamsLambda", types["orders"].ResourceType);
        Assert.Equal("DynamoDBTable", types["orders-table"].ResourceType);
        Assert.Equal("EventSourceMapping", types["orders-mapping"].ResourceType);
        Assert.Equal("SQSQueue", types["orders-dlq"].ResourceType);
        Assert.Equal("DynamoDBEmulator", types["dynamostreams"].ResourceType);
        Assert.Equal("LambdaRuntimeAPI", types["lambda-runtime"].ResourceType);
        Assert.All(types.Values, s => Assert.Equal(KnownResourceStates.NotStarted, s.State?.Text));
    }

    [Fact]
    public void AddDynamoStreamsLambda_RunOnlyParts_AreExcludedFromTheManifest()
    {
        // issue 7: run-only resources are excluded from the manifest; the pattern itself is published
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").Resource;

        foreach (var resource in builder.Resources.Where(r => r != pattern))
        {
            var annotation = resource.Annotations.OfType<ManifestPublishingCallbackAnnotation>().SingleOrDefault();
            Assert.True(annotation is { Callback: null }, $"{resource.Name} should be excluded from the manifest");
        }

        Assert.NotNull(Assert.Single(pattern.Annotations.OfType<ManifestPublishingCallbackAnnotation>()).Callback);
    }

    [Fact]
    public void WithoutDeadLetterQueue_Called_RemovesTheQueueResource()
    {
        // spec construct.md: only an explicit deploySqsDlqQueue=false skips the queue
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").WithoutDeadLetterQueue().Resource;

        Assert.False(pattern.DeploySqsDlqQueue);
        Assert.Null(pattern.DeadLetterQueueResource);
        Assert.Empty(builder.Resources.OfType<DynamoStreamsDeadLetterQueueResource>());
    }

    [Fact]
    public void WithExistingTable_AnotherPattern_ReadsTheOwnersTable()
    {
        // issue 7: two functions consume one stream
        var builder = TestBuilders.Run();
        var orders = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").WithTable(t => t.TableName = "Orders");
        var audit = builder.AddDynamoStreamsLambda<HandlerSampleProject>("audit").WithExistingTable(orders).Resource;

        Assert.Null(audit.TableResource);
        Assert.Same(orders.Resource.TableResource, audit.SourceTableResource);
        Assert.Equal("Orders", audit.LocalTableName);
        Assert.Single(builder.Resources.OfType<DynamoStreamsTableResource>());
        Assert.Equal(2, builder.Resources.OfType<DynamoStreamsMappingResource>().Count());
    }

    [Fact]
    public void WithExistingTable_ByArn_UsesTheArnsTableNameLocally()
    {
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders")
            .WithExistingTable("arn:aws:dynamodb:eu-west-1:123456789012:table/Orders", "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000")
            .Resource;

        Assert.Equal("arn:aws:dynamodb:eu-west-1:123456789012:table/Orders", pattern.ExistingTable!.TableArn);
        Assert.Equal("Orders", pattern.LocalTableName);
    }

    [Fact]
    public void WithTable_AllOptions_AreKeptForTheCloudPath()
    {
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders")
            .WithTable(t =>
            {
                t.TableName = "Orders";
                t.PartitionKey = new("pk");
                t.SortKey = new("sk", DynamoAttributeType.Number);
                t.Stream = DynamoStreamViewType.NewImage;
                t.TimeToLiveAttribute = "expiresAt";
                t.BillingMode = DynamoBillingMode.Provisioned;
                t.ReadCapacity = 5;
                t.WriteCapacity = 5;
                t.GlobalSecondaryIndexes.Add(new() { IndexName = "byStatus", PartitionKey = new("status") });
                t.LocalSecondaryIndexes.Add(new() { IndexName = "byDate", SortKey = new("date"), ProjectionType = DynamoProjectionType.Include, NonKeyAttributes = { "total" } });
            })
            .WithEventSource(e =>
            {
                e.BatchSize = 10;
                e.ReportBatchItemFailures = true;
                e.Filters.Add("""{"eventName":["INSERT"]}""");
                e.ParallelizationFactor = 2;
            })
            .WithFunction(f =>
            {
                f.Timeout = TimeSpan.FromSeconds(30);
                f.MemorySize = 512;
                f.ReservedConcurrentExecutions = 2;
            })
            .WithFunctionEnvironment("MODE", "strict")
            .WithDeadLetterQueue(q => q.RetentionPeriod = TimeSpan.FromDays(14))
            .Resource;

        Assert.Equal("Orders", pattern.LocalTableName);
        Assert.Equal("byDate", Assert.Single(pattern.Table.LocalSecondaryIndexes).IndexName);
        Assert.Equal(10, pattern.EventSource.BatchSize);
        Assert.Equal("strict", pattern.Function.Environment["MODE"]);
        Assert.Equal(TimeSpan.FromDays(14), pattern.DeadLetterQueue.RetentionPeriod);
    }

    [Fact]
    public void AddDynamoStreamsLambda_NodeCodeFolder_AddsANodeExecutable()
    {
        // the seed's example: Code.fromAsset('lambda') with index.handler
        using var folder = new TempCodeFolder("index.js");
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda("seed", LambdaHandler.FromNodeCode(folder.Path)).Resource;

        var function = Assert.IsType<ExecutableResource>(pattern.FunctionResource);
        Assert.Equal("node", function.Command);
        Assert.Equal(folder.Path, function.WorkingDirectory);
        Assert.Equal("nodejs24.x", pattern.Handler.Runtime);
        Assert.Equal("AWS_Lambda_nodejs24.x", LambdaWiring.RuntimeInfo(pattern).ExecutionEnvironment);
        Assert.Equal("index.handler", pattern.Handler.Handler);
    }

    [Fact]
    public void AddDynamoStreamsLambda_ExistingFunctionInPublishMode_HasNoLocalFunction()
    {
        // spec construct.md: existingLambdaObj is used as is; it exists only in AWS
        var output = Directory.CreateTempSubdirectory("dynamostreams-manifest").FullName;
        var builder = TestBuilders.Publish(output);
        var pattern = builder.AddDynamoStreamsLambda("legacy", LambdaHandler.FromExistingFunction("arn:aws:lambda:us-east-1:123456789012:function:legacy")).Resource;

        Assert.Null(pattern.FunctionResource);
        Assert.Empty(builder.Resources.OfType<LambdaRuntimeHostResource>());
    }
}
