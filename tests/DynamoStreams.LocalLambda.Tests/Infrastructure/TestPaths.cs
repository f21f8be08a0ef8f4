namespace DynamoStreams.LocalLambda.Tests.Infrastructure;

/// <summary>
/// Locates the test handlers copied to the test output.
/// </summary>
internal static class TestPaths
{
    public static string NodeFunctions { get; } = Path.Combine(AppContext.BaseDirectory, "TestFunctions", "node");
}
