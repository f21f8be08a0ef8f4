using System.Reflection;
using System.Runtime.CompilerServices;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk;
using DynamoStreams.Construct;
using DynamoStreams.Emulator;
using DynamoStreams.Lambda;
using DynamoStreams.LocalLambda.RuntimeApi;

namespace Hosting.DynamoStreams.Cdk.Tests.Boundaries;

public sealed class AssemblyBoundaryTests
{
    private static readonly Assembly[] s_productAssemblies =
    [
        typeof(DynamoStreamsLambdaResource).Assembly,
        typeof(DynamoStreamsStack).Assembly,
        typeof(DynamoDBStreamsToLambda).Assembly,
        typeof(DynamoEmulator).Assembly,
        typeof(LambdaRuntimeApiHost).Assembly,
        typeof(LambdaRuntime).Assembly,
    ];

    // issue 17 (one home for each thing): product assemblies meet through public seams only; internals are opened to test assemblies, never to another product assembly
    [Fact]
    public void ProductAssemblies_OpenInternalsOnlyToTestsAndBenchmarks()
    {
        var productNames = s_productAssemblies.Select(a => a.GetName().Name!).ToHashSet(StringComparer.Ordinal);

        var openedToProducts = s_productAssemblies
            .SelectMany(a => a.GetCustomAttributes<InternalsVisibleToAttribute>().Select(v => $"{a.GetName().Name} -> {v.AssemblyName}"))
            .Where(pair => productNames.Contains(pair[(pair.IndexOf("-> ", StringComparison.Ordinal) + 3)..]))
            .ToList();

        Assert.Equal(6, productNames.Count);
        Assert.Empty(openedToProducts);
    }
}
