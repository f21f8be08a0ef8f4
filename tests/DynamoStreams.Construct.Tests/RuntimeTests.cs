using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Lambda;
using DynamoStreams.Construct.Tests.Infrastructure;

namespace DynamoStreams.Construct.Tests;

public class RuntimeTests
{
    private const string FunctionType = "AWS::Lambda::Function";

    private static Template SynthWith(FunctionProps functionProps) =>
        Stacks.Synth(new DynamoDBStreamsToLambdaProps { LambdaFunctionProps = functionProps });

    private static Dictionary<string, object> NoEnvironment => new() { ["Environment"] = Match.Absent() };

    [Fact]
    public void Runtime_Nodejs24Constant_GetsKeepAlive()
    {
        // spec construct.md Defaults: every Node.js runtime gets the keep-alive variable; nodejs24.x is Lambda's newest
        SynthWith(new FunctionProps
        {
            Code = Code.FromAsset(Stacks.NodeHandlerDirectory),
            Runtime = Runtime.NODEJS_24_X,
            Handler = "index.handler",
        }).HasProperties(FunctionType, """
            { "Runtime": "nodejs24.x", "Environment": { "Variables": { "AWS_NODEJS_CONNECTION_REUSE_ENABLED": "1" } } }
            """);
    }

    [Fact]
    public void Runtime_NodejsFromAssetFolder_PackagesTheFolder()
    {
        // The seed's own example: Code.FromAsset("lambda") with index.handler
        SynthWith(new FunctionProps
        {
            Code = Code.FromAsset(Stacks.NodeHandlerDirectory),
            Runtime = Runtime.NODEJS_20_X,
            Handler = "index.handler",
        }).HasResourceProperties(FunctionType, new Dictionary<string, object>
        {
            ["Code"] = new Dictionary<string, object> { ["S3Key"] = Match.StringLikeRegexp("^[0-9a-f]{64}\\.zip$") },
            ["Handler"] = "index.handler",
        });
    }

    [Fact]
    public void Runtime_ManagedDotnet10_HasNoKeepAliveAndTracing()
    {
        // spec construct.md Public surface: any runtime works; the keep-alive variable is for Node.js only
        var template = SynthWith(new FunctionProps
        {
            Code = Code.FromAsset(Stacks.BootstrapHandlerDirectory),
            Runtime = Runtime.DOTNET_10,
            Handler = "Handler.Sample::Handler.Sample.Function::HandleAsync",
        });
        template.HasProperties(FunctionType, """
            { "Runtime": "dotnet10", "Handler": "Handler.Sample::Handler.Sample.Function::HandleAsync", "TracingConfig": { "Mode": "Active" } }
            """);
        template.HasResourceProperties(FunctionType, NoEnvironment);
    }

    [Fact]
    public void Runtime_ProvidedAl2023Bootstrap_HasNoKeepAlive()
    {
        // spec construct.md Public surface: provided.al2023 custom runtimes (a .NET AOT bootstrap)
        var template = SynthWith(new FunctionProps
        {
            Code = Code.FromAsset(Stacks.BootstrapHandlerDirectory),
            Runtime = Runtime.PROVIDED_AL2023,
            Handler = "bootstrap",
            Architecture = Architecture.ARM_64,
        });
        template.HasProperties(FunctionType, """
            { "Runtime": "provided.al2023", "Handler": "bootstrap", "Architectures": [ "arm64" ], "TracingConfig": { "Mode": "Active" } }
            """);
        template.HasResourceProperties(FunctionType, NoEnvironment);
    }

    [Fact]
    public void Runtime_Python_HasNoKeepAlive()
    {
        // spec construct.md Defaults: the keep-alive variable is for Node.js runtimes only
        SynthWith(new FunctionProps
        {
            Code = Code.FromInline("def handler(event, context):\n    return {}"),
            Runtime = Runtime.PYTHON_3_12,
            Handler = "index.handler",
        }).HasResourceProperties(FunctionType, NoEnvironment);
    }
}
