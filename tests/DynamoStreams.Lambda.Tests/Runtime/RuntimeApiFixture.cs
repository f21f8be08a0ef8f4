namespace DynamoStreams.Lambda.Tests.Runtime;

/// <summary>
/// One Runtime API host on loopback for all tests of a class.
/// </summary>
public sealed class RuntimeApiFixture : IAsyncLifetime
{
    internal StandInRuntimeApi Api { get; private set; } = null!;

    public async Task InitializeAsync() => Api = await StandInRuntimeApi.StartAsync();

    public async Task DisposeAsync() => await Api.DisposeAsync();
}
