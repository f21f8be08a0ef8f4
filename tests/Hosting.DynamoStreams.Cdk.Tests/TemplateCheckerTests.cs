using Amazon.CDK;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk;
using DynamoStreams.Tests.Shared;
using Hosting.DynamoStreams.Cdk.Tests.Infrastructure;
using static Hosting.DynamoStreams.Cdk.Tests.Infrastructure.Declarations;

namespace Hosting.DynamoStreams.Cdk.Tests;

/// <summary>
/// cfn-lint and cdk-nag's AwsSolutions pack over the stacks generated for each option combination the tests declare
/// (the sample's published stacks are checked in <see cref="SamplePublishAcceptanceTests"/>). Synthesised once.
/// </summary>
public sealed class TemplateCheckerTests
{
    private static readonly Lazy<IReadOnlyList<string>> s_templates = new(SynthesiseCombinations);

    // issue 19 "cfn-lint" #3: no error, and only the warnings KeptFindings explains.
    [Fact]
    public async Task CfnLint_EveryOptionCombination_HasNoErrorAndOnlyExplainedWarnings()
    {
        Assert.Equal(8, s_templates.Value.Count);

        KeptFindings.AssertOnlyKept(await TemplateCheckers.CfnLintAsync(RepoRoot, s_templates.Value), KeptFindings.CfnLintWarnings);
    }

    // issue 19 "cdk-nag" #4: AwsSolutions finds nothing that the stack does not suppress with a reason.
    [Fact]
    public async Task CdkNag_EveryOptionCombination_HasNoUnsuppressedFinding()
    {
        KeptFindings.AssertOnlyKept(await TemplateCheckers.CdkNagAsync(RepoRoot, s_templates.Value), KeptFindings.NagFindings);
    }

    private static IReadOnlyList<string> SynthesiseCombinations()
    {
        const string TableArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders";
        const string StreamArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000";
        var bootstrap = new DynamoStreamsStackOptions { HandlerCodeDirectory = BootstrapDirectory };
        var combinations = new (Func<IDistributedApplicationBuilder, IResourceBuilder<DynamoStreamsLambdaResource>> Declare, DynamoStreamsStackOptions Options)[]
        {
            (DotNetPattern, bootstrap),
            (a => DotNetPattern(a).WithTable(t =>
            {
                t.TableName = "orders-table";
                t.SortKey = new DynamoAttribute("createdAt", DynamoAttributeType.Number);
                t.Stream = DynamoStreamViewType.NewImage;
                t.TimeToLiveAttribute = "expiresAt";
                t.RemovalPolicy = DynamoRemovalPolicy.Destroy;
                t.BillingMode = DynamoBillingMode.Provisioned;
                t.ReadCapacity = 5;
                t.WriteCapacity = 5;
                t.GlobalSecondaryIndexes.Add(new DynamoGlobalSecondaryIndex { IndexName = "byCustomer", PartitionKey = new DynamoAttribute("customerId"), ReadCapacity = 5, WriteCapacity = 5 });
                t.LocalSecondaryIndexes.Add(new DynamoLocalSecondaryIndex { IndexName = "byStatus", SortKey = new DynamoAttribute("status") });
            }), bootstrap),
            (a => DotNetPattern(a).WithEventSource(e =>
            {
                e.Filters.Add("""{"eventName":["INSERT"]}""");
                e.ReportBatchItemFailures = true;
                e.BatchSize = 25;
                e.MaxBatchingWindow = TimeSpan.FromSeconds(5);
                e.ParallelizationFactor = 2;
                e.TumblingWindow = TimeSpan.FromSeconds(60);
                e.RetryAttempts = null;
                e.MaxRecordAge = null;
                e.StartingPosition = DynamoStartingPosition.Latest;
                e.MetricsConfig.Add("EventCount");
            }), bootstrap),
            (a => DotNetPattern(a).WithoutDeadLetterQueue().WithFunction(f =>
            {
                f.Timeout = TimeSpan.FromSeconds(30);
                f.MemorySize = 512;
                f.Architecture = LambdaArchitecture.Arm64;
                f.Environment["STAGE"] = "prod";
                f.Description = "Orders stream handler";
                f.Tracing = false;
            }), bootstrap),
            (a => a.AddDynamoStreamsLambda(PatternName, LambdaHandler.FromNodeCode(NodeDirectory)), new DynamoStreamsStackOptions()),
            (a => a.AddDynamoStreamsLambda(PatternName, LambdaHandler.FromProject(Path.Combine(RepoRoot, "src", "Handler.Sample", "Handler.Sample.csproj"), "dotnet10")),
                new DynamoStreamsStackOptions { HandlerCodeDirectory = BootstrapDirectory, PackagedHandler = "Handler.Sample" }),
            (a => DotNetPattern(a).WithExistingTable(TableArn, StreamArn), bootstrap),
            (a => a.AddDynamoStreamsLambda(PatternName, LambdaHandler.FromExistingFunction("arn:aws:lambda:eu-west-1:123456789012:function:orders")),
                new DynamoStreamsStackOptions { ExistingFunctionRoleArn = "arn:aws:iam::123456789012:role/orders-handler" }),
        };

        return [.. combinations.Select(c =>
        {
            var stack = Generate(c.Declare(NewAppHost()), c.Options);
            var assembly = ((App)stack.Node.Root).Synth();
            return Path.Combine(assembly.Directory, assembly.GetStackByName(stack.StackName).TemplateFile);
        })];
    }
}
