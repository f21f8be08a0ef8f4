using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Lambda;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk;
using DynamoStreams.Construct;

namespace Hosting.DynamoStreams.Cdk.Tests.Infrastructure;

/// <summary>Builds declarations in a publish-mode AppHost, their generated stacks, and the construct stacks they must equal.</summary>
internal static class Declarations
{
    public const string PatternName = "orders";

    private static readonly string s_outRoot = Path.Combine(Path.GetTempPath(), "dynamostreams-cdk-tests", System.Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string BootstrapDirectory => Path.Combine(AppContext.BaseDirectory, "Assets", "bootstrap-handler");

    public static string NodeDirectory => Path.Combine(AppContext.BaseDirectory, "Assets", "node-handler");

    public static IDistributedApplicationBuilder NewAppHost() =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            DisableDashboard = true,
            Args = ["--publisher", "manifest", "--output-path", Path.Combine(s_outRoot, "manifest")],
        });

    /// <summary>Declares the pattern with a .NET handler (the AppHost's usual shape).</summary>
    public static IResourceBuilder<DynamoStreamsLambdaResource> DotNetPattern(IDistributedApplicationBuilder appHost) =>
        appHost.AddDynamoStreamsLambda(PatternName, LambdaHandler.FromProject(Path.Combine(RepoRoot, "src", "Handler.Sample", "Handler.Sample.csproj")));

    public static DynamoStreamsStack Generate(IResourceBuilder<DynamoStreamsLambdaResource> pattern, DynamoStreamsStackOptions? options = null) =>
        DynamoStreamsStackBuilder.Build(NewOutdir(), pattern.Resource, options ?? new DynamoStreamsStackOptions { HandlerCodeDirectory = BootstrapDirectory });

    /// <summary>Creates the construct the way a CDK user would, in a stack with the generated stack's name and ids.</summary>
    public static Stack ConstructStack(DynamoDBStreamsToLambdaProps props, Action<Stack, DynamoDBStreamsToLambda>? after = null)
    {
        var stack = new Stack(new App(new AppProps { Outdir = NewOutdir() }), PatternName);
        var construct = new DynamoDBStreamsToLambda(stack, PatternName, props);
        after?.Invoke(stack, construct);
        return stack;
    }

    public static FunctionProps BootstrapFunction() => new()
    {
        Code = Code.FromAsset(BootstrapDirectory),
        Runtime = Runtime.PROVIDED_AL2023,
        Handler = "bootstrap",
    };

    /// <summary>Returns the stack's template as indented JSON, without its outputs (the construct stacks have none).</summary>
    public static string TemplateWithoutOutputs(Stack stack)
    {
        var template = JsonNode.Parse(JsonSerializer.Serialize(Template.FromStack(stack).ToJSON(), s_json))!.AsObject();
        template.Remove("Outputs");
        return template.ToJsonString(s_json);
    }

    public static JsonObject Outputs(Stack stack) =>
        JsonNode.Parse(JsonSerializer.Serialize(Template.FromStack(stack).ToJSON(), s_json))!["Outputs"]!.AsObject();

    /// <summary>Returns the logical id of the CloudFormation resource behind <paramref name="construct"/>.</summary>
    public static string LogicalId(Constructs.IConstruct construct) =>
        Stack.Of(construct).GetLogicalId((CfnElement)construct.Node.DefaultChild!);

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Aspire.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Aspire.sln not found above the test output folder.");
    }

    private static string NewOutdir() => Path.Combine(s_outRoot, Guid.NewGuid().ToString("N"));
}
