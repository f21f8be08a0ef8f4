using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using DynamoStreams.Construct;
using static Hosting.DynamoStreams.Cdk.Tests.Infrastructure.Declarations;
using CdkAttribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace Hosting.DynamoStreams.Cdk.Tests;

/// <summary>The stack generated from a declaration equals the construct created by hand with the equivalent props.</summary>
public sealed class TemplateEquivalenceTests
{
    // issue 8 "Tests" #1: the default declaration gives the seed's pattern unchanged.
    [Fact]
    public void DefaultDeclaration_Generated_EqualsConstructWithOnlyFunctionProps()
    {
        var pattern = DotNetPattern(NewAppHost());

        var generated = Generate(pattern);
        var expected = ConstructStack(new DynamoDBStreamsToLambdaProps { LambdaFunctionProps = BootstrapFunction() });

        Assert.Equal(TemplateWithoutOutputs(expected), TemplateWithoutOutputs(generated));
    }

    // issue 8 "Tests" #1: table keys, sort key, stream view type, TTL, billing, removal policy and indexes.
    [Fact]
    public void TableOptions_Generated_EqualsConstructWithTablePropsAndIndexes()
    {
        var pattern = DotNetPattern(NewAppHost()).WithTable(t =>
        {
            t.TableName = "orders-table";
            t.PartitionKey = new DynamoAttribute("pk");
            t.SortKey = new DynamoAttribute("createdAt", DynamoAttributeType.Number);
            t.Stream = DynamoStreamViewType.NewImage;
            t.TimeToLiveAttribute = "expiresAt";
            t.RemovalPolicy = DynamoRemovalPolicy.Destroy;
            t.GlobalSecondaryIndexes.Add(new DynamoGlobalSecondaryIndex
            {
                IndexName = "byCustomer",
                PartitionKey = new DynamoAttribute("customerId"),
                ProjectionType = DynamoProjectionType.Include,
                NonKeyAttributes = { "total" },
            });
            t.LocalSecondaryIndexes.Add(new DynamoLocalSecondaryIndex { IndexName = "byStatus", SortKey = new DynamoAttribute("status") });
        });

        var generated = Generate(pattern);
        var expected = ConstructStack(
            new DynamoDBStreamsToLambdaProps
            {
                LambdaFunctionProps = BootstrapFunction(),
                DynamoTableProps = new TableProps
                {
                    TableName = "orders-table",
                    PartitionKey = new CdkAttribute { Name = "pk", Type = AttributeType.STRING },
                    SortKey = new CdkAttribute { Name = "createdAt", Type = AttributeType.NUMBER },
                    Stream = StreamViewType.NEW_IMAGE,
                    TimeToLiveAttribute = "expiresAt",
                    RemovalPolicy = RemovalPolicy.DESTROY,
                },
            },
            (_, construct) =>
            {
                construct.DynamoTable!.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
                {
                    IndexName = "byCustomer",
                    PartitionKey = new CdkAttribute { Name = "customerId", Type = AttributeType.STRING },
                    ProjectionType = ProjectionType.INCLUDE,
                    NonKeyAttributes = ["total"],
                });
                construct.DynamoTable.AddLocalSecondaryIndex(new LocalSecondaryIndexProps
                {
                    IndexName = "byStatus",
                    SortKey = new CdkAttribute { Name = "status", Type = AttributeType.STRING },
                });
            });

        Assert.Equal(TemplateWithoutOutputs(expected), TemplateWithoutOutputs(generated));
    }

    // issue 8 "Tests" #1; spec construct.md "Notes for Amazon.CDK.Lib 2.160.0": filters reach the template through FilterCriteria.Filter.
    [Fact]
    public void EventSourceOptions_Generated_EqualsConstructWithFiltersAndPartialBatchFailures()
    {
        var pattern = DotNetPattern(NewAppHost()).WithEventSource(e =>
        {
            e.Filters.Add("""{"eventName":["INSERT"]}""");
            e.ReportBatchItemFailures = true;
            e.BatchSize = 25;
            e.MaxBatchingWindow = TimeSpan.FromSeconds(5);
            e.ParallelizationFactor = 2;
            e.TumblingWindow = TimeSpan.FromSeconds(60);
            e.RetryAttempts = 10;
            e.MaxRecordAge = TimeSpan.FromHours(1);
            e.BisectBatchOnError = false;
            e.StartingPosition = DynamoStartingPosition.Latest;
            e.Enabled = false;
        });

        var generated = Generate(pattern);
        var expected = ConstructStack(new DynamoDBStreamsToLambdaProps
        {
            LambdaFunctionProps = BootstrapFunction(),
            DynamoEventSourceProps = new DynamoEventSourceProps
            {
                StartingPosition = StartingPosition.LATEST,
                Filters = [FilterCriteria.Filter(new Dictionary<string, object> { ["eventName"] = FilterRule.IsEqual("INSERT") })],
                ReportBatchItemFailures = true,
                BatchSize = 25,
                MaxBatchingWindow = Duration.Seconds(5),
                ParallelizationFactor = 2,
                TumblingWindow = Duration.Minutes(1),
                RetryAttempts = 10,
                MaxRecordAge = Duration.Hours(1),
                BisectBatchOnError = false,
                Enabled = false,
            },
        });

        var template = TemplateWithoutOutputs(generated);
        Assert.Equal(TemplateWithoutOutputs(expected), template);
        Assert.Contains("""eventName\":[\"INSERT\"]""", template, StringComparison.Ordinal);
    }

    // issue 8 "Tests" #1: function options, and no queue (nor queue outputs) when the DLQ is off.
    [Fact]
    public void FunctionOptionsWithoutDeadLetterQueue_Generated_EqualsConstructWithoutQueue()
    {
        var pattern = DotNetPattern(NewAppHost())
            .WithoutDeadLetterQueue()
            .WithFunction(f =>
            {
                f.Timeout = TimeSpan.FromSeconds(30);
                f.MemorySize = 512;
                f.Architecture = LambdaArchitecture.Arm64;
                f.Environment["STAGE"] = "prod";
                f.Description = "Orders stream handler";
            });

        var generated = Generate(pattern);
        var function = BootstrapFunction();
        function.Timeout = Duration.Seconds(30);
        function.MemorySize = 512;
        function.Architecture = Architecture.ARM_64;
        function.Environment = new Dictionary<string, string> { ["STAGE"] = "prod" };
        function.Description = "Orders stream handler";
        var expected = ConstructStack(new DynamoDBStreamsToLambdaProps { LambdaFunctionProps = function, DeploySqsDlqQueue = false });

        Assert.Equal(TemplateWithoutOutputs(expected), TemplateWithoutOutputs(generated));
        Assert.Null(generated.Pattern.SqsDlqQueue);
        Assert.Equal(["FunctionArn", "FunctionName", "StreamArn", "TableArn", "TableName"], Outputs(generated).Select(o => o.Key).Order(StringComparer.Ordinal));
    }

    // issue 8 "Tests" #1: a Node.js code folder deploys as is with its handler and runtime (nodejs22.x: the default
    // nodejs24.x also gets a cdk-nag L1 suppression, which TemplateCheckerTests covers).
    [Fact]
    public void NodeHandler_Generated_EqualsConstructWithNodeFunctionAsset()
    {
        var pattern = NewAppHost().AddDynamoStreamsLambda(PatternName, LambdaHandler.FromNodeCode(NodeDirectory, "index.handler", "nodejs22.x"));

        var generated = Generate(pattern, new());
        var expected = ConstructStack(new DynamoDBStreamsToLambdaProps
        {
            LambdaFunctionProps = new FunctionProps
            {
                Code = Code.FromAsset(NodeDirectory),
                Runtime = Runtime.NODEJS_22_X,
                Handler = "index.handler",
            },
        });

        Assert.Equal(TemplateWithoutOutputs(expected), TemplateWithoutOutputs(generated));
    }

    // issue 8 "Tests" #1: an existing table is imported by ARN with its stream; no table is created.
    [Fact]
    public void ExistingTable_Generated_EqualsConstructWithImportedTable()
    {
        const string TableArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders";
        const string StreamArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000";
        var pattern = DotNetPattern(NewAppHost()).WithExistingTable(TableArn, StreamArn);

        var generated = Generate(pattern);
        var expected = new Stack(new App(), PatternName);
        _ = new DynamoDBStreamsToLambda(expected, PatternName, new DynamoDBStreamsToLambdaProps
        {
            LambdaFunctionProps = BootstrapFunction(),
            ExistingTableInterface = Table.FromTableAttributes(expected, "ExistingTable", new TableAttributes { TableArn = TableArn, TableStreamArn = StreamArn }),
        });

        var template = TemplateWithoutOutputs(generated);
        Assert.Equal(TemplateWithoutOutputs(expected), template);
        Assert.DoesNotContain("AWS::DynamoDB::Table", template, StringComparison.Ordinal);
        Assert.Equal(StreamArn, Outputs(generated)["StreamArn"]!["Value"]!.GetValue<string>());
    }
}
