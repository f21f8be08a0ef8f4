using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DynamoStreams.Emulator.Explorer;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Tests.Infrastructure;

namespace DynamoStreams.Emulator.Tests.Explorer;

/// <summary>
/// The data explorer page and the request metrics (issue 16): the page is served by the emulator itself with nothing
/// loaded from elsewhere; its writes go through the same API. The page's behaviour runs in Chromium in the end-to-end tests.
/// </summary>
public sealed class ExplorerPageTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Get_ExplorerPath_ServesTheSelfContainedPage()
    {
        // issue 16 #5: served locally, no external CDN assets
        using var http = new HttpClient { BaseAddress = fixture.Emulator.Endpoint };

        using var response = await http.GetAsync(ExplorerPage.Path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("DynamoDB_20120810.", html);
        Assert.DoesNotMatch(new Regex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase), html);
    }

    [Fact]
    public async Task Request_AnyOperation_CountedAndTimedByServiceAndOperation()
    {
        // issue 16 #2: the emulator's request counts and latency as OpenTelemetry metrics
        var measured = new ConcurrentBag<(string Instrument, string? Method, string? Error)>();
        // The emulator records a request once its answer is written, so the client may read the answer first.
        var bothRecorded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == EmulatorTelemetry.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? method = null, error = null;
            foreach (var tag in tags)
            {
                method = tag.Key == "rpc.method" ? (string?)tag.Value : method;
                error = tag.Key == "error.type" ? (string?)tag.Value : error;
            }

            measured.Add((instrument.Name, method, error));
            if (measured.Count(m => m.Method == "DescribeTable") >= 2)
            {
                bothRecorded.TrySetResult();
            }
        }

        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        listener.Start();
        using var http = new HttpClient { BaseAddress = fixture.Emulator.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("""{"TableName":"no-such-table"}""", Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810.DescribeTable");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=abc");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20250101T000000Z");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await bothRecorded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(("dynamostreams.emulator.requests", "DescribeTable", "ResourceNotFoundException"), measured);
        Assert.Contains(("dynamostreams.emulator.request.duration", "DescribeTable", "ResourceNotFoundException"), measured);
    }
}
