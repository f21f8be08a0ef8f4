using System.Diagnostics;
using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using DynamoStreams.Construct;

// Usage:
//   ConstructSynth --cold       one synthesis; prints ms since process start (the script adds process launch by timing the whole run)
//   ConstructSynth --warm N     N synthesises of fresh apps in this process; prints the first (jsii start) and each later one
// jsii's banners for untested and end-of-life Node versions (Node 20 here) would only clutter the figures.
System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1");
System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");

var mode = args.Length > 0 ? args[0] : "--cold";
var outRoot = Path.Combine(Path.GetTempPath(), $"construct-synth-{System.Environment.ProcessId}");
try
{
    if (mode == "--warm")
    {
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            SynthDefaultStack(outRoot, i);
            Console.WriteLine(watch.Elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture));
        }
    }
    else
    {
        SynthDefaultStack(outRoot, 0);
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Console.WriteLine(sinceStart.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture));
    }
}
finally
{
    if (Directory.Exists(outRoot))
    {
        Directory.Delete(outRoot, recursive: true);
    }
}

// The seed's example with inline code (the npm peer synthesises the same), written to a cloud assembly.
static void SynthDefaultStack(string outRoot, int index)
{
    var app = new App(new AppProps { Outdir = Path.Combine(outRoot, index.ToString(CultureInfo.InvariantCulture)) });
    var stack = new Stack(app, "TestStack");
    _ = new DynamoDBStreamsToLambda(stack, "test-dynamodbstreams-lambda", new DynamoDBStreamsToLambdaProps
    {
        LambdaFunctionProps = new FunctionProps
        {
            Code = Code.FromInline("exports.handler = async () => ({ batchItemFailures: [] });"),
            Runtime = Runtime.NODEJS_22_X,
            Handler = "index.handler",
        },
    });
    app.Synth();
}
