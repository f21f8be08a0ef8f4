using Amazon.CDK;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk;
using Aspire.Hosting.DynamoStreams.Cdk.Publishing;
using Hosting.DynamoStreams.Cdk.Tests.Infrastructure;

namespace Hosting.DynamoStreams.Cdk.Tests;

/// <summary>The cache key covers every option of the declaration, the hooks' code and the stack options; equal declarations key equally.</summary>
public sealed class DeclarationFingerprintTests
{
    public static TheoryData<string> Changes => [.. s_changes.Keys];

    private static readonly Dictionary<string, Action<IResourceBuilder<DynamoStreamsLambdaResource>>> s_changes = new()
    {
        ["table sort key"] = p => p.WithTable(t => t.SortKey = new DynamoAttribute("createdAt", DynamoAttributeType.Number)),
        ["table GSI"] = p => p.WithTable(t => t.GlobalSecondaryIndexes.Add(new DynamoGlobalSecondaryIndex { IndexName = "byCustomer", PartitionKey = new DynamoAttribute("customerId") })),
        ["event-source filter"] = p => p.WithEventSource(e => e.Filters.Add("""{"eventName":["INSERT"]}""")),
        ["event-source retries"] = p => p.WithEventSource(e => e.RetryAttempts = 3),
        ["function environment"] = p => p.WithFunctionEnvironment("STAGE", "prod"),
        ["function architecture"] = p => p.WithFunction(f => f.Architecture = LambdaArchitecture.Arm64),
        ["no dead-letter queue"] = p => p.WithoutDeadLetterQueue(),
        ["stack name"] = p => p.WithCdkStackOptions(o => o.StackProps = new StackProps { StackName = "orders-prod" }),
        ["stack region"] = p => p.WithCdkStackOptions(o => o.StackProps = new StackProps { Env = new Amazon.CDK.Environment { Region = "eu-west-1" } }),
        ["props hook"] = p => p.ConfigureCdkProps((props, _) => props.DeploySqsDlqQueue = true),
        ["stack hook"] = p => p.ConfigureCdkStack(stack => stack.TemplateOptions.Description = "orders"),
    };

    // issue 8 "Build" #3: two separately built but equal declarations have one key.
    [Fact]
    public void EqualDeclarations_Fingerprinted_HaveEqualHashes()
    {
        Assert.Equal(Hash(Declare()), Hash(Declare()));
    }

    // issue 8 "Build" #3: any option change, hook or stack option changes the key.
    [Theory]
    [MemberData(nameof(Changes))]
    public void ChangedDeclaration_Fingerprinted_HasNewHash(string change)
    {
        var changed = Declare();
        s_changes[change](changed);

        Assert.NotEqual(Hash(Declare()), Hash(changed));
    }

    private static IResourceBuilder<DynamoStreamsLambdaResource> Declare() =>
        Declarations.NewAppHost().AddDynamoStreamsLambda(Declarations.PatternName, LambdaHandler.FromNodeCode(Declarations.NodeDirectory));

    private static string Hash(IResourceBuilder<DynamoStreamsLambdaResource> pattern)
    {
        var options = new DynamoStreamsStackOptions();
        foreach (var annotation in pattern.Resource.Annotations.OfType<DynamoStreamsStackOptionsAnnotation>())
        {
            annotation.Configure(options);
        }

        var fingerprint = new DeclarationFingerprint();
        DynamoStreamsCloudPublisher.AddToFingerprint(fingerprint, pattern.Resource, options, package: null);
        return fingerprint.ComputeHash();
    }
}
