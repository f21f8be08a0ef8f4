namespace EndToEnd.Tests;

/// <summary>
/// Runs its classes alone, after the parallel ones: they inspect this process's child processes and loaded assemblies,
/// which another class's AppHost (with its Node.js handler) would otherwise share.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IsolatedCollection
{
    public const string Name = "isolated";
}
