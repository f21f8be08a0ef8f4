using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.SQS;
using DynamoStreams.Construct.Tests.Infrastructure;
using DynamoStreams.Tests.Shared;

namespace DynamoStreams.Construct.Tests;

/// <summary>
/// AWS's own checkers over the construct's cases: cfn-lint (no errors; each warning kept is explained here) and cdk-nag's
/// AwsSolutions pack (nothing unsuppressed but what is explained here). One app holds every case, synthesised once.
/// </summary>
public sealed class TemplateCheckerTests
{
    private static readonly Lazy<IReadOnlyList<string>> s_templates = new(SynthesiseCases);

    // Kept cfn-lint warnings, with why.
    private static readonly Dictionary<string, string> s_keptCfnLintWarnings = new()
    {
        // CDK's Function writes DependsOn on its role and the role's default policy, so the policy exists before the
        // function is created; for the role the GetAtt already orders it. That is CDK's output, not a choice of ours.
        ["W3005"] = "DependsOn on the role beside its GetAtt",
    };

    // Kept cdk-nag findings, with why.
    private static readonly Dictionary<string, string> s_keptNagFindings = new()
    {
        // The runtime is the user's: the construct passes it through. cdk-nag takes CDK's newest constant
        // (NODEJS_26_X) as "latest", while Lambda's published schema (cfn-lint 1.51.0) lists nodejs24.x as its newest.
        ["AwsSolutions-L1"] = "the user's Node.js runtime",
    };

    // issue 19 "cfn-lint" #3: every template the construct's cases produce passes cfn-lint with no error.
    [Fact]
    public async Task CfnLint_EveryCase_HasNoErrorAndOnlyExplainedWarnings()
    {
        Assert.Equal(6, s_templates.Value.Count);
        var findings = await TemplateCheckers.CfnLintAsync(RepoRoot, s_templates.Value);

        var unexplained = findings.Where(f => f.Level == "Error" || !s_keptCfnLintWarnings.ContainsKey(f.Rule)).ToList();
        Assert.True(unexplained.Count == 0, string.Join('\n', unexplained));
    }

    // issue 19 "cdk-nag" #4: AwsSolutions finds nothing unsuppressed in the construct's own resources.
    [Fact]
    public async Task CdkNag_EveryCase_HasNoUnsuppressedFindingOfThePattern()
    {
        var findings = await TemplateCheckers.CdkNagAsync(RepoRoot, s_templates.Value);

        var unexplained = findings.Where(f => !s_keptNagFindings.ContainsKey(f.Rule)).ToList();
        Assert.True(unexplained.Count == 0, string.Join('\n', unexplained));
    }

    // issue 19 "cdk-nag" #4: each suppression the construct writes carries a reason (cdk_nag and cfn_nag metadata).
    [Fact]
    public void Suppressions_EveryCase_CarryAReason()
    {
        foreach (var template in s_templates.Value)
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(template));
            foreach (var resource in document.RootElement.GetProperty("Resources").EnumerateObject())
            {
                if (!resource.Value.TryGetProperty("Metadata", out var metadata))
                {
                    continue;
                }

                foreach (var scanner in new[] { "cdk_nag", "cfn_nag" })
                {
                    if (metadata.TryGetProperty(scanner, out var rules))
                    {
                        Assert.All(rules.GetProperty("rules_to_suppress").EnumerateArray(), rule =>
                            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("reason").GetString()), $"{resource.Name} {scanner}"));
                    }
                }
            }
        }
    }

    private static string RepoRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(directory!.FullName, "Aspire.sln")))
            {
                directory = directory.Parent;
            }

            return directory.FullName;
        }
    }

    private static IReadOnlyList<string> SynthesiseCases()
    {
        var app = Stacks.NewApp();
        Case(app, "Default", new DynamoDBStreamsToLambdaProps { LambdaFunctionProps = Stacks.NodeFunctionProps() });
        Case(app, "ManagedDotnet10", new DynamoDBStreamsToLambdaProps
        {
            LambdaFunctionProps = new FunctionProps
            {
                Code = Code.FromAsset(Stacks.BootstrapHandlerDirectory),
                Runtime = Runtime.DOTNET_10,
                Handler = "Handler.Sample",
                Architecture = Architecture.ARM_64,
            },
        });
        Case(app, "CustomRuntime", new DynamoDBStreamsToLambdaProps
        {
            LambdaFunctionProps = new FunctionProps { Code = Code.FromAsset(Stacks.BootstrapHandlerDirectory), Runtime = Runtime.PROVIDED_AL2023, Handler = "bootstrap" },
            DynamoTableProps = new TableProps
            {
                PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "pk", Type = AttributeType.STRING },
                SortKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "sk", Type = AttributeType.NUMBER },
                Stream = StreamViewType.NEW_IMAGE,
                TimeToLiveAttribute = "expiresAt",
            },
            DynamoEventSourceProps = new DynamoEventSourceProps
            {
                BatchSize = 25,
                RetryAttempts = -1,
                ReportBatchItemFailures = true,
                ParallelizationFactor = 2,
                Filters = [FilterCriteria.Filter(new Dictionary<string, object> { ["eventName"] = FilterRule.IsEqual("INSERT") })],
            },
            SqsDlqQueueProps = new QueueProps { RetentionPeriod = Duration.Days(14) },
        });
        Case(app, "NoDeadLetterQueue", new DynamoDBStreamsToLambdaProps { LambdaFunctionProps = Stacks.NodeFunctionProps(), DeploySqsDlqQueue = false });
        Case(app, "Untraced", new DynamoDBStreamsToLambdaProps
        {
            LambdaFunctionProps = new FunctionProps
            {
                Code = Code.FromInline("exports.handler = async () => ({});"),
                Runtime = Runtime.NODEJS_24_X,
                Handler = "index.handler",
                Tracing = Tracing.DISABLED,
            },
        });

        var tableStack = new Stack(app, "TableOwner");
        var table = new Table(tableStack, "Orders", new TableProps
        {
            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING },
            Stream = StreamViewType.NEW_AND_OLD_IMAGES,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
        });
        Case(app, "ExistingTable", new DynamoDBStreamsToLambdaProps { LambdaFunctionProps = Stacks.NodeFunctionProps(), ExistingTableInterface = table });

        var assembly = app.Synth();

        // The table owner is the test's own stack, not the construct's: only the pattern stacks are checked.
        return [.. assembly.Stacks.Where(s => s.StackName != "TableOwner").Select(s => Path.Combine(assembly.Directory, s.TemplateFile))];
    }

    private static void Case(App app, string name, DynamoDBStreamsToLambdaProps props) =>
        _ = new DynamoDBStreamsToLambda(new Stack(app, name), "pattern", props);
}
