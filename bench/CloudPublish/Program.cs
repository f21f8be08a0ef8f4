using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk.Publishing;

// Usage: CloudPublish <--cold|--cached> <repo root> <packaged .NET handler folder> <staging folder> <output folder>
//   --cold    synthesises (ClearCache): hashing, jsii start, both stacks, assets, the copy into the output folder
//   --cached  re-publishes an unchanged declaration into an output folder that already holds its assembly, twice
// Prints "<ms in PublishAsync> <ms since process start>", and for --cached a third column: the second re-publish in the
// same process (what is left once the runtime has compiled the code: the hashing, the stamp read). The declaration is the sample AppHost's (src/AppHost.Sample),
// with the .NET handler packaged beforehand by run.sh so that dotnet publish is not part of the figure.
Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1");
Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");

var (mode, repo, handler, staging, output) = (args[0], args[1], args[2], args[3], args[4]);
var appHost = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
{
    DisableDashboard = true,
    Args = ["--publisher", "manifest", "--output-path", Path.Combine(staging, "manifest")],
});

var orders = appHost.AddDynamoStreamsLambda("orders", LambdaHandler.FromProject(Path.Combine(repo, "src", "Handler.Sample", "Handler.Sample.csproj")))
    .WithEventSource(e =>
    {
        e.ReportBatchItemFailures = true;
        e.RetryAttempts = 2;
        e.BatchSize = 10;
    })
    .WithFunctionEnvironment("TOTALS_TABLE_NAME", "customer-totals")
    .WithCdkStackOptions(o => o.HandlerCodeDirectory = handler);
var audit = appHost.AddDynamoStreamsLambda("audit", LambdaHandler.FromNodeCode(Path.Combine(repo, "src", "AppHost.Sample", "lambda")))
    .WithExistingTable(orders);

var publisher = new DynamoStreamsCloudPublisher(new DynamoStreamsPublishOptions
{
    StagingDirectory = staging,
    AppHostDirectory = repo,
    ClearCache = mode == "--cold",
});

var watch = Stopwatch.StartNew();
var result = await publisher.PublishAsync([orders.Resource, audit.Resource], output, CancellationToken.None);
var inPublish = watch.Elapsed.TotalMilliseconds;
var sinceStart = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
if (result.FromCache != (mode == "--cached"))
{
    Console.Error.WriteLine($"Expected FromCache={mode == "--cached"} but got {result.FromCache}.");
    return 1;
}

var line = string.Create(CultureInfo.InvariantCulture, $"{inPublish:F1} {sinceStart:F1}");
if (mode == "--cached")
{
    watch.Restart();
    await publisher.PublishAsync([orders.Resource, audit.Resource], output, CancellationToken.None);
    line += string.Create(CultureInfo.InvariantCulture, $" {watch.Elapsed.TotalMilliseconds:F1}");
}

Console.WriteLine(line);
return 0;
