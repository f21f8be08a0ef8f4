using DynamoStreams.LocalLambda.EventSourceMapping.Status;
using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping;

/// <summary>
/// Starting positions, lineage, restarts and replay (spec B.1, B.2, A.5) with the in-memory stream double. Kept because
/// the double splits and closes shards at an exact point between two records (the emulator's rollover is tested in
/// <c>EndToEnd/LineageEndToEndTests</c>), stops the engine at an exact
/// point of an invocation, and shows reader disposal; B.8 #5 and the crash tests run end to end in <c>EndToEnd/</c>.
/// </summary>
public sealed class EngineLifecycleTests
{
    [Fact]
    public async Task CreatedDisabled_DeliversNothingUntilEnabled()
    {
        // spec B.1 Enabled=false pauses
        await using var h = EngineHarness.Create(o => o.Enabled = false);
        h.Append(1, 2);
        await h.StartAsync();
        Assert.Equal(EventSourceMappingState.Disabled, h.Status.State);
        await Task.Delay(200);
        Assert.Empty(h.Invocations);

        await h.Mapping.SetEnabledAsync(true);

        await h.WaitForInvocationsAsync(1);
        Assert.Equal("[1-2]", h.Invocations[0].Range);
    }

    [Fact]
    public async Task Latest_RecordsBeforeStartSkipped_LaterDelivered()
    {
        // spec B.1 StartingPosition LATEST, A.5
        await using var h = EngineHarness.Create(o => o.StartingPosition = "LATEST");
        h.Append(1, 3);
        await h.StartAsync();
        await Eventually.WaitAsync(() => h.Status.Shards.Count == 1, "the shard listed");
        h.Append(4, 5);

        await h.WaitForInvocationsAsync(1);

        Assert.Equal("[4-5]", h.Invocations[0].Range);
    }

    [Fact]
    public async Task Latest_EngineRestartBeforeFirstBatch_DoesNotSkipNewRecords()
    {
        // issue 6 at-least-once: LATEST is fixed when the mapping first starts, not at every restart
        await using var h = EngineHarness.Create(o => o.StartingPosition = "LATEST");
        h.Append(1, 2);
        await h.Mapping.SetEnabledAsync(false);
        await h.StartAsync();
        await Eventually.WaitAsync(() => h.Status.Shards.Count == 1, "the shard listed");
        h.Append(3, 3);

        await h.RestartEngineAsync();

        await h.WaitForInvocationsAsync(1);
        Assert.Equal("[3]", h.Invocations[0].Range);
    }

    [Fact]
    public async Task ShardRollover_ParentFinishedBeforeChild()
    {
        // spec B.2 parents before children, A.5 lineage; new shards picked up
        await using var h = EngineHarness.Create(o => o.BatchSize = 1);
        var failParentOnce = true;
        h.Function.Handler = i => failParentOnce && i.Numbers[0] == 2 && !(failParentOnce = false) ? ScriptedInvoker.Error() : ScriptedInvoker.Json("{}");
        h.Append(1, 3);
        var child = h.Source.Rollover();
        h.Source.Append("A", 4);
        h.Source.Append("A", 5);
        await h.StartAsync();

        await Eventually.WaitAsync(() => h.Invocations.Any(i => i.Numbers.Contains(5)), "record 5 from the child shard");

        Assert.Equal([1, 2, 2, 3, 4, 5], h.Invocations.SelectMany(i => i.Numbers));
        await Eventually.WaitAsync(() => h.Status.Shards.Any(s => s.ShardId != child && s.Finished), "the parent marked finished");
    }

    [Fact]
    public async Task EngineRestart_MidStream_ResumesAtCheckpointWithoutLoss()
    {
        // issue 6: checkpoints survive an engine restart inside one process; nothing lost, order kept
        await using var h = EngineHarness.Create(o => o.BatchSize = 5);
        h.Append(1, 10);
        await h.StartAsync();
        await h.WaitForInvocationsAsync(2);
        await h.WaitForCheckpointAsync(h.Invocations[1].Sequences[^1]);

        await h.RestartEngineAsync();
        h.Append(11, 15);
        await Eventually.WaitAsync(() => h.Invocations.Any(i => i.Numbers.Contains(15)), "record 15");

        Assert.Equal(Enumerable.Range(1, 15), h.Invocations.SelectMany(i => i.Numbers));
    }

    [Fact]
    public async Task EngineStop_DuringInvocation_BatchDeliveredAgainAfterRestart()
    {
        // issue 6 at-least-once: an engine crash mid-batch never skips the batch
        await using var h = EngineHarness.Create();
        h.Function.Delay = TimeSpan.FromSeconds(30);
        h.Append(1, 3);
        await h.StartAsync();
        await Eventually.WaitAsync(() => h.Function.MaxConcurrent == 1, "the invocation in flight");

        h.Function.Delay = TimeSpan.Zero;
        await h.RestartEngineAsync();

        await h.WaitForInvocationsAsync(1);
        Assert.Equal("[1-3]", h.Invocations[0].Range);
    }

    [Fact]
    public async Task ReplayFromTrimHorizon_DeliversEverythingAgain()
    {
        // issue 6: replay from TRIM_HORIZON
        await using var h = EngineHarness.Create();
        h.Append(1, 4);
        await h.StartAsync();
        await h.WaitForInvocationsAsync(1);
        await h.WaitForCheckpointAsync(h.Invocations[0].Sequences[^1]);

        await h.Mapping.ReplayFromTrimHorizonAsync();

        await h.WaitForInvocationsAsync(2);
        Assert.Equal("[1-4] [1-4]", string.Join(" ", h.Invocations.Select(i => i.Range)));
    }

    [Fact]
    public async Task Stop_ClosesEveryShardReader()
    {
        // issue 6: StopAsync leaves nothing running
        var h = EngineHarness.Create();
        h.Append(1, 1);
        await h.StartAsync();
        await h.WaitForInvocationsAsync(1);

        await h.DisposeAsync();

        Assert.Equal(0, h.Source.OpenReaders);
    }
}
