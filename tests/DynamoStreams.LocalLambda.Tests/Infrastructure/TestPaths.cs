using System.Reflection;

namespace DynamoStreams.LocalLambda.Tests.Infrastructure;

/// <summary>
/// Locates the test handlers: the Node.js ones copied to the test output, the .NET one in its build output.
/// </summary>
internal static class TestPaths
{
    public static string NodeFunctions { get; } = Path.Combine(AppContext.BaseDirectory, "TestFunctions", "node");

    public static string DotNetFunction { get; } = Path.GetFullPath(
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "DotNetTestFunctionPath").Value!
            .Replace('\\', Path.DirectorySeparatorChar));
}
