using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using DynamoStreams.Emulator.Hosting;
using DynamoStreams.Emulator.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EmulatorThroughput;

/// <summary>
/// Splits the cost of one PutItem into its stages with Stopwatch repetition (no profiler on this machine): JSON
/// parse, the operation (validation, condition, commit, response), CRC-32, then a raw HTTP round trip without the
/// SDK and the full SDK call, each as microseconds per operation and the process's CPU per operation (medians of rounds).
/// </summary>
internal static class Profile
{
    private const int Iterations = 20_000;
    private const string StreamTable = "bench_stream";

    public static async Task RunAsync(IAmazonDynamoDB client, DynamoEmulator emulator, int rounds)
    {
        var operation = emulator.Services.GetServices<IAwsJsonOperation>().Single(o => o.Target == "DynamoDB_20120810.PutItem");
        var bodies = Enumerable.Range(0, 5000).Select(i => Encoding.UTF8.GetBytes(
            "{\"TableName\":\"" + Workloads.Table + "\",\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"" + i.ToString(CultureInfo.InvariantCulture) +
            "\"},\"payload\":{\"S\":\"" + new string('x', 200) + "\"},\"n\":{\"N\":\"42\"}}}")).ToArray();
        var headers = new HeaderDictionary();
        using var output = new MemoryStream();

        Report("JsonDocument.Parse", rounds, () =>
        {
            for (var i = 0; i < Iterations; i++)
            {
                using var document = JsonDocument.Parse(bodies[i % bodies.Length]);
            }
        });
        Report("parse + PutItem operation", rounds, () =>
        {
            for (var i = 0; i < Iterations; i++)
            {
                using var document = JsonDocument.Parse(bodies[i % bodies.Length]);
                output.SetLength(0);
                using var writer = new Utf8JsonWriter(output);
                var request = new AwsRequest { Body = document.RootElement, Region = "us-east-1", AccountId = "000000000000", RequestId = "r", Headers = headers };
                operation.ExecuteAsync(request, writer, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            }
        });
        // A put that changes nothing writes no record (spec A.3), so passes alternate between two values of "n".
        JsonDocument[][] Passes(string table) => [.. new[] { "42", "43" }.Select(n => bodies.Select(b => JsonDocument.Parse(Encoding.UTF8.GetString(b)
            .Replace("\"TableName\":\"" + Workloads.Table + "\"", "\"TableName\":\"" + table + "\"", StringComparison.Ordinal)
            .Replace("\"n\":{\"N\":\"42\"}", "\"n\":{\"N\":\"" + n + "\"}", StringComparison.Ordinal))).ToArray())];
        var documents = Passes(Workloads.Table);
        void Put(JsonDocument document)
        {
            output.SetLength(0);
            using var writer = new Utf8JsonWriter(output);
            var request = new AwsRequest { Body = document.RootElement, Region = "us-east-1", AccountId = "000000000000", RequestId = "r", Headers = headers };
            operation.ExecuteAsync(request, writer, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        void PutAll(JsonDocument[][] passes)
        {
            for (var i = 0; i < Iterations; i++)
            {
                Put(passes[i / bodies.Length % 2][i % bodies.Length]);
            }
        }

        Report("PutItem operation (pre-parsed)", rounds, () => PutAll(documents));
        // The same puts on a table with a NEW_AND_OLD_IMAGES stream: every put after the first pass is a MODIFY whose
        // record carries both images; the difference to the stage above is stream capture's cost per put.
        await client.CreateTableAsync(new Amazon.DynamoDBv2.Model.CreateTableRequest
        {
            TableName = StreamTable,
            KeySchema = [new("pk", Amazon.DynamoDBv2.KeyType.HASH), new("sk", Amazon.DynamoDBv2.KeyType.RANGE)],
            AttributeDefinitions = [new("pk", Amazon.DynamoDBv2.ScalarAttributeType.S), new("sk", Amazon.DynamoDBv2.ScalarAttributeType.N)],
            BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
            StreamSpecification = new Amazon.DynamoDBv2.Model.StreamSpecification { StreamEnabled = true, StreamViewType = Amazon.DynamoDBv2.StreamViewType.NEW_AND_OLD_IMAGES },
        });
        var streamDocuments = Passes(StreamTable);
        Report("PutItem operation (pre-parsed), stream", rounds, () => PutAll(streamDocuments));
        // What each record keeps alive for the retention period: the heap after a full collection, before and after
        // one more round of MODIFY puts on the stream table (the no-stream table's items are overwritten in place).
        // A whole round (Iterations puts), so the record buffers' 1 MB steps move the figure by 50 B per put at most.
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        PutAll(streamDocuments);
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"{"stream record kept on the heap",-40} {(heapAfter - heapBefore) / (double)Iterations,8:0} B per put (NEW_AND_OLD_IMAGES, ~{bodies[0].Length} B request)");
        var crcInput = new byte[64];
        Report("Crc32 of a 64-byte body", rounds, () =>
        {
            for (var i = 0; i < Iterations; i++)
            {
                Crc32.Compute(crcInput);
            }
        });

        using var http = new HttpClient { BaseAddress = emulator.Endpoint };
        await ReportAsync("raw HTTP PutItem (HttpClient, c=1)", rounds, async () =>
        {
            for (var i = 0; i < Iterations / 4; i++)
            {
                using var content = new ByteArrayContent(bodies[i % bodies.Length]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
                using var message = new HttpRequestMessage(HttpMethod.Post, "/") { Content = content };
                message.Headers.Add("X-Amz-Target", "DynamoDB_20120810.PutItem");
                message.Headers.TryAddWithoutValidation("X-Amz-Date", "20261207T100000Z");
                message.Headers.TryAddWithoutValidation("Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261207/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0");
                using var response = await http.SendAsync(message);
                await response.Content.ReadAsByteArrayAsync();
            }
        }, Iterations / 4);
        await ReportAsync("SDK PutItem (c=1)", rounds, async () =>
        {
            for (var i = 0; i < Iterations / 4; i++)
            {
                await client.PutItemAsync(Workloads.Table, Workloads.Item("p", i % 5000));
            }
        }, Iterations / 4);
    }

    private static void Report(string stage, int rounds, Action body) =>
        ReportAsync(stage, rounds, () => { body(); return Task.CompletedTask; }, Iterations).GetAwaiter().GetResult();

    private static async Task ReportAsync(string stage, int rounds, Func<Task> body, int iterations)
    {
        await body();
        var samples = new List<double>();
        var cpuSamples = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            await body();
            samples.Add(stopwatch.Elapsed.TotalMicroseconds / iterations);
            process.Refresh();
            cpuSamples.Add((process.TotalProcessorTime - cpuBefore).TotalMicroseconds / iterations);
        }

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        await body();
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)iterations;
        Console.WriteLine($"{stage,-40} {LoadRunner.Median(samples),8:0.0} µs/op {LoadRunner.Median(cpuSamples),8:0.0} µs CPU/op {allocated,8:0} B/op (rounds: {string.Join(", ", samples.Select(s => s.ToString("0.0", CultureInfo.InvariantCulture)))})");
    }
}
