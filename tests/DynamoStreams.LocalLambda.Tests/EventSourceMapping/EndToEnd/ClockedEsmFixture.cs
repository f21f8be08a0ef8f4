using Microsoft.Extensions.Time.Testing;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.EndToEnd;

/// <summary>
/// An <see cref="EsmFixture"/> whose emulator (each record's <c>ApproximateCreationDateTime</c>) and engines (record age,
/// batching and tumbling windows) share one <see cref="FakeTimeProvider"/>, so time rules run without sleeping.
/// </summary>
public sealed class ClockedEsmFixture : EsmFixture
{
    /// <summary>Initializes the fixture with a fake clock set to the present.</summary>
    public ClockedEsmFixture()
        : base(new FakeTimeProvider(DateTimeOffset.UtcNow))
    {
    }

    /// <summary>Gets the shared fake clock.</summary>
    public FakeTimeProvider Time => (FakeTimeProvider)Clock;
}
