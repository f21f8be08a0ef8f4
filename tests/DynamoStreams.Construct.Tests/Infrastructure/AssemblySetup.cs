using System.Runtime.CompilerServices;

// jsii runs one Node.js process per .NET process and does not take concurrent calls: synthesising tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace DynamoStreams.Construct.Tests.Infrastructure;

internal static class AssemblySetup
{
    // jsii prints a banner on every start under Node versions it was not tested with or that reached end of life
    // (Node 20 works for synthesis); keep test output readable. A value set by the caller wins.
    [ModuleInitializer]
    internal static void Initialize()
    {
        SetIfUnset("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1");
        SetIfUnset("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        Stacks.DeleteEarlierOutput();
    }

    private static void SetIfUnset(string name, string value)
    {
        if (Environment.GetEnvironmentVariable(name) is null)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
