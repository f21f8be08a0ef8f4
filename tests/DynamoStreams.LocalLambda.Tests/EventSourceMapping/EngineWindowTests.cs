using System.Text.Json;
using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping;

/// <summary>Tumbling windows (spec B.3), with an injected clock.</summary>
public sealed class EngineWindowTests
{
    [Fact]
    public async Task TumblingWindow_StatePassedOn_FinalInvocationAtWindowEnd()
    {
        // spec B.8 #18
        await using var h = EngineHarness.Create(o => o.TumblingWindowInSeconds = 60);
        var windowStart = DateTimeOffset.FromUnixTimeSeconds((h.Time.GetUtcNow().ToUnixTimeSeconds() / 60 * 60) + 60);
        h.Time.SetUtcNow(windowStart.AddSeconds(1));
        var states = new List<string>();
        var finals = new List<bool>();
        h.Function.Handler = i =>
        {
            var root = i.Root;
            states.Add(root.GetProperty("state").GetRawText());
            finals.Add(root.GetProperty("isFinalInvokeForWindow").GetBoolean());
            var count = root.GetProperty("state").TryGetProperty("count", out var c) ? int.Parse(c.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : 0;
            return ScriptedInvoker.Json($"{{\"state\":{{\"count\":\"{count + i.Numbers.Count}\"}}}}");
        };
        h.Append(1, 2);
        await h.StartAsync();
        await h.WaitForInvocationsAsync(1);
        h.Append(3, 3);
        await h.WaitForInvocationsAsync(2);
        Assert.Null(h.Status.Shards.Single().Checkpoint);

        h.Time.Advance(TimeSpan.FromSeconds(60));
        await h.WaitForInvocationsAsync(3);
        await h.WaitForCheckpointAsync(h.Invocations[1].Sequences[^1]);

        Assert.Equal(["{}", "{\"count\":\"2\"}", "{\"count\":\"3\"}"], states);
        Assert.Equal([false, false, true], finals);
        Assert.Empty(h.Invocations[2].Numbers);
        var first = h.Invocations[0].Root;
        Assert.Equal(windowStart.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), first.GetProperty("window").GetProperty("start").GetString());
        Assert.Equal(h.Source.FirstShardId, first.GetProperty("shardId").GetString());
        Assert.Equal(MemoryStreamSource.Arn, first.GetProperty("eventSourceARN").GetString());
        Assert.False(first.GetProperty("isWindowTerminatedEarly").GetBoolean());
    }

    [Fact]
    public async Task TumblingWindow_ResponseWithoutState_Retried()
    {
        // spec B.8 #18, B.4: a window response without state is a failure
        await using var h = EngineHarness.Create(o => o.TumblingWindowInSeconds = 60);
        var calls = 0;
        h.Function.Handler = _ => ScriptedInvoker.Json(++calls == 1 ? "{\"batchItemFailures\":[]}" : "{\"state\":{}}");
        h.Append(1, 2);
        await h.StartAsync();

        await h.WaitForInvocationsAsync(2);

        Assert.Equal("[1-2] [1-2]", string.Join(" ", h.Invocations.Select(i => i.Range)));
        Assert.Equal(1, h.Status.Metrics.FunctionErrors);
    }

    [Fact]
    public async Task TumblingWindow_RecordOfNextWindow_ClosesPreviousWindowFirst()
    {
        // spec B.3: windows chosen by ApproximateCreationDateTime, aligned to the window length
        await using var h = EngineHarness.Create(o => o.TumblingWindowInSeconds = 60);
        var windowStart = DateTimeOffset.FromUnixTimeSeconds(h.Time.GetUtcNow().ToUnixTimeSeconds() / 60 * 60);
        h.Source.Append("A", 1, created: windowStart.AddSeconds(5));
        h.Source.Append("A", 2, created: windowStart.AddSeconds(65));
        h.Time.SetUtcNow(windowStart.AddSeconds(66));
        h.Function.Handler = _ => ScriptedInvoker.Json("{\"state\":{}}");
        await h.StartAsync();

        await h.WaitForInvocationsAsync(2);

        Assert.Equal("[1] [2]", string.Join(" ", h.Invocations.Take(2).Select(i => i.Range)));
        Assert.True(h.Invocations[0].Root.GetProperty("isFinalInvokeForWindow").GetBoolean());
        Assert.NotEqual(
            h.Invocations[0].Root.GetProperty("window").GetProperty("start").GetString(),
            h.Invocations[1].Root.GetProperty("window").GetProperty("start").GetString());
        using var _ = JsonDocument.Parse(h.Invocations[1].Payload);
    }
}
