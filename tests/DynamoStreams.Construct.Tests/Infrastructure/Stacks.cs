using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Lambda;

namespace DynamoStreams.Construct.Tests.Infrastructure;

/// <summary>Builds the apps, stacks and function props the tests synthesise.</summary>
internal static class Stacks
{
    private static readonly string s_runsRoot = Path.Combine(Path.GetTempPath(), "dynamostreams-construct-tests");
    private static readonly string s_outRoot = Path.Combine(s_runsRoot, System.Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static string AssetsDirectory => Path.Combine(AppContext.BaseDirectory, "Assets");

    public static string NodeHandlerDirectory => Path.Combine(AssetsDirectory, "node-handler");

    public static string BootstrapHandlerDirectory => Path.Combine(AssetsDirectory, "bootstrap-handler");

    public static App NewApp() => new(new AppProps { Outdir = Path.Combine(s_outRoot, Guid.NewGuid().ToString("N")) });

    public static Stack NewStack(string name = "TestStack") => new(NewApp(), name);

    public static FunctionProps NodeFunctionProps(Runtime? runtime = null) => new()
    {
        Code = Code.FromInline("exports.handler = async () => ({ batchItemFailures: [] });"),
        Runtime = runtime ?? Runtime.NODEJS_24_X,
        Handler = "index.handler",
    };

    public static DynamoDBStreamsToLambdaProps DefaultProps() => new() { LambdaFunctionProps = NodeFunctionProps() };

    /// <summary>Creates the pattern with <paramref name="props"/> in a new stack and returns its template.</summary>
    public static Template Synth(DynamoDBStreamsToLambdaProps props) => Synth(props, out _);

    public static Template Synth(DynamoDBStreamsToLambdaProps props, out DynamoDBStreamsToLambda construct)
    {
        var stack = NewStack();
        construct = new DynamoDBStreamsToLambda(stack, "test-dynamodbstreams-lambda", props);
        return Template.FromStack(stack);
    }

    /// <summary>Returns the logical id of the CloudFormation resource behind <paramref name="construct"/>.</summary>
    public static string LogicalId(Constructs.IConstruct construct) =>
        Stack.Of(construct).GetLogicalId((CfnElement)construct.Node.DefaultChild!);

    /// <summary>Deletes the cloud assemblies of earlier test runs (a test host may be ended before it can clean up).</summary>
    public static void DeleteEarlierOutput()
    {
        if (!Directory.Exists(s_runsRoot))
        {
            return;
        }

        foreach (var run in Directory.EnumerateDirectories(s_runsRoot).Where(d => d != s_outRoot))
        {
            try
            {
                Directory.Delete(run, recursive: true);
            }
            catch (IOException)
            {
                // Another test process is still using it; the next run removes it.
            }
        }
    }
}
