using System.Runtime.CompilerServices;

// jsii runs one Node.js process per .NET process and does not take concurrent calls: synthesising tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace DynamoStreams.Construct.Tests.Infrastructure;

internal static class AssemblySetup
{
    // jsii warns on every start under Node versions it was not tested with (Node 20 works); keep test output clean.
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stacks.DeleteOutput();
    }
}
