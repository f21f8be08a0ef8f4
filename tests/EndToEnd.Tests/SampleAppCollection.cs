namespace EndToEnd.Tests;

/// <summary>
/// Shares one started AppHost.Sample between the classes that only observe it, so the suite starts it once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SampleAppCollection : ICollectionFixture<SampleAppFixture>
{
    public const string Name = "sample";
}
