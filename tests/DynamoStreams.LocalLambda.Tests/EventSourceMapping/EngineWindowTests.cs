using System.Text.Json;
using DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping;

/// <summary>
/// Tumbling windows (spec B.3) with the in-memory stream double: records stamped into the next window while the
/// previous one is open. B.8 #18 runs end to end in <c>EndToEnd/ClockEndToEndTests</c>.
/// </summary>
public sealed class EngineWindowTests
{
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
