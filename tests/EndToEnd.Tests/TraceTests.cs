using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.Model;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace EndToEnd.Tests;

[Collection(SampleAppCollection.Name)]
public partial class TraceTests(SampleAppFixture fixture)
{
    private const string WriterSourceName = "EndToEnd.Tests.Writer";
    private const int Attempts = 3;
    private static readonly ActivitySource s_writer = new(WriterSourceName);

    [Fact]
    public async Task PutItem_InsideAWriterSpan_MappingAndHandlerInvocationShareItsTraceId()
    {
        // issue 7 "Traces": the writer's span, the stream record (it carries the writer's trace context) and the
        // handler's invocation are one trace. The handler is the seed's Node.js example, which logs the
        // _X_AMZN_TRACE_ID (Lambda-Runtime-Trace-Id) it was invoked with: X-Ray's Root=1-<8 hex>-<24 hex> is the W3C trace id.
        var mappingSpans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is WriterSourceName or EventSourceMappingTelemetry.ActivitySourceName or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.Source.Name == EventSourceMappingTelemetry.ActivitySourceName)
                {
                    mappingSpans.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        using var cts = new CancellationTokenSource(SampleAppFixture.Timeout);
        var logs = new ConcurrentQueue<string>();

        // Logs of an orchestrated process are kept under its instance id (the resource name plus a suffix).
        var function = await fixture.App.ResourceNotifications.WaitForResourceAsync("audit-function", e => e.Snapshot.State?.Text == Aspire.Hosting.ApplicationModel.KnownResourceStates.Running, cts.Token);
        var watch = WatchLogsAsync(function.ResourceId, logs, cts.Token);
        try
        {
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                var id = $"traced-{Guid.NewGuid():N}";
                ActivityTraceId traceId;
                using (var span = s_writer.StartActivity("write order", ActivityKind.Producer))
                {
                    Assert.NotNull(span);
                    traceId = span.TraceId;
                    await fixture.DynamoDb.PutItemAsync(new PutItemRequest
                    {
                        TableName = fixture.Orders.LocalTableName,
                        Item = new() { ["id"] = new() { S = id }, ["customerId"] = new() { S = $"c-{id}" }, ["amount"] = new() { N = "1" } },
                    }, cts.Token);
                }

                string line;
                try
                {
                    line = await SampleAppFixture.EventuallyAsync(() => Task.FromResult(logs.FirstOrDefault(l => l.Contains(id, StringComparison.Ordinal))), $"the audit handler to log {id}");
                }
                catch (TimeoutException ex)
                {
                    throw new TimeoutException($"{ex.Message} The audit function logged {logs.Count} line(s); the last: {logs.LastOrDefault()}", ex);
                }

                var root = XRayRoot().Match(line);
                Assert.True(root.Success, $"the handler's log line carries its trace header: {line}");
                var handlerTraceId = root.Groups["epoch"].Value + root.Groups["rest"].Value;

                var mapping = await SampleAppFixture.EventuallyAsync(
                    () => Task.FromResult(mappingSpans.FirstOrDefault(a => a.DisplayName.StartsWith("audit", StringComparison.Ordinal) && (a.TraceId == traceId || a.Links.Any(l => l.Context.TraceId == traceId)))),
                    "the audit mapping's span for the traced record");
                if (mapping.TraceId != traceId)
                {
                    // The record shared its batch with records of other traces (the sample's writer writes every 3 s): the
                    // invocation then links every writer's trace instead of continuing one, as in AWS. Try a fresh record.
                    continue;
                }

                Assert.Equal(traceId.ToHexString(), handlerTraceId);
                return;
            }

            Assert.Fail($"In {Attempts} attempts the traced record never had a batch of its own.");
        }
        finally
        {
            await cts.CancelAsync();
            await watch;
        }
    }

    private async Task WatchLogsAsync(string resource, ConcurrentQueue<string> lines, CancellationToken cancellationToken)
    {
        var loggers = fixture.App.Services.GetRequiredService<Aspire.Hosting.ApplicationModel.ResourceLoggerService>();
        try
        {
            await foreach (var batch in loggers.WatchAsync(resource).WithCancellation(cancellationToken))
            {
                foreach (var line in batch)
                {
                    lines.Enqueue(line.Content);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [GeneratedRegex(@"trace=Root=1-(?<epoch>[0-9a-f]{8})-(?<rest>[0-9a-f]{24})")]
    private static partial Regex XRayRoot();
}
