using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Amazon.DynamoDBv2;
using DynamoStreams.Emulator.Hosting;

namespace EmulatorThroughput;

/// <summary>
/// Measures the bytes the emulator allocates per GetItem and per PutItem (no stream) in-process: a client on raw
/// sockets sends pre-built requests (ddb-load.js's item shape, SigV4 headers with a signature that differs per request,
/// as a real client's does) and reads the responses into a fixed
/// buffer, so it allocates nothing itself, and <see cref="GC.GetTotalAllocatedBytes(bool)"/> over the loop is the
/// server's. Also prints the in-process round trip in µs (one connection per worker; direction only).
/// </summary>
internal static class Allocations
{
    private const int Iterations = 20_000;

    public static async Task RunAsync(IAmazonDynamoDB client, DynamoEmulator emulator, int rounds)
    {
        using var types = Environment.GetEnvironmentVariable("ALLOC_TYPES") == "1" ? new AllocationTypes() : null;
        var port = emulator.Endpoint.Port;
        var pad = new string('x', 64);
        var puts = Enumerable.Range(0, 1000).Select(i => Request(port, i, "PutItem",
            $"{{\"TableName\":\"{Workloads.Table}\",\"Item\":{{\"pk\":{{\"S\":\"user#{i}\"}},\"sk\":{{\"N\":\"0\"}},\"v\":{{\"S\":\"{pad}\"}},\"n\":{{\"N\":\"{i}\"}}}}}}")).ToArray();
        var gets = Enumerable.Range(0, 1000).Select(i => Request(port, i, "GetItem",
            $"{{\"TableName\":\"{Workloads.Table}\",\"Key\":{{\"pk\":{{\"S\":\"user#{i}\"}},\"sk\":{{\"N\":\"0\"}}}}}}")).ToArray();

        // The item's own size as DynamoDB counts it: attribute names plus values (pk "user#123", sk 0, v 64 bytes, n).
        var itemBytes = "pk".Length + "user#123".Length + "sk".Length + 1 + "v".Length + 64 + "n".Length + 3;
        Console.WriteLine($"item: ~{itemBytes} bytes (DynamoDB item size); request bodies {puts[0].Body} B (PutItem), {gets[0].Body} B (GetItem)");
        // What a stored item keeps on the heap (its dictionary, names shared, values, key and size): 20,000 new items.
        var fresh = Enumerable.Range(0, Iterations).Select(i => Request(port, i, "PutItem",
            $"{{\"TableName\":\"{Workloads.Table}\",\"Item\":{{\"pk\":{{\"S\":\"fresh#{i}\"}},\"sk\":{{\"N\":\"0\"}},\"v\":{{\"S\":\"{pad}\"}},\"n\":{{\"N\":\"{i}\"}}}}}}")).ToArray();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        Run(port, fresh, 1, fresh.Length);
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"stored item: {(heapAfter - heapBefore) / (double)fresh.Length:0} bytes of managed heap kept per item (in-memory size of the item)");
        GC.KeepAlive(fresh);

        foreach (var (name, requests) in new[] { ("PutItem", puts), ("GetItem", gets) })
        {
            foreach (var workers in new[] { 1, 4 })
            {
                var bytes = new List<double>();
                var micros = new List<double>();
                Run(port, requests, workers, Iterations / 4);
                for (var round = 0; round < rounds; round++)
                {
                    var before = GC.GetTotalAllocatedBytes(precise: true);
                    var started = Stopwatch.GetTimestamp();
                    Run(port, requests, workers, Iterations);
                    var elapsed = Stopwatch.GetElapsedTime(started);
                    var after = GC.GetTotalAllocatedBytes(precise: true);
                    bytes.Add((after - before) / (double)Iterations);
                    micros.Add(elapsed.TotalMicroseconds / Iterations * workers);
                }

                if (types is not null && workers == 1)
                {
                    types.Reset();
                    Run(port, requests, workers, Iterations * 5);
                    Console.WriteLine($"{name}: allocated types (sampled)");
                    types.Print(25);
                }

                Console.WriteLine($"{name,-8} c={workers}  {LoadRunner.Median([.. bytes]),7:0} B allocated/op  {LoadRunner.Median([.. micros]),6:0.0} µs/round trip  " +
                    $"(B/op: {string.Join(", ", bytes.Select(b => b.ToString("0", CultureInfo.InvariantCulture)))})");
            }
        }

        await Task.CompletedTask;
        GC.KeepAlive(client);
    }

    private static (byte[] Bytes, int Body) Request(int port, int index, string operation, string body)
    {
        var content = Encoding.UTF8.GetBytes(body);
        var head = "POST / HTTP/1.1\r\n" +
            $"Host: 127.0.0.1:{port}\r\n" +
            "Content-Type: application/x-amz-json-1.0\r\n" +
            $"X-Amz-Target: DynamoDB_20120810.{operation}\r\n" +
            "X-Amz-Date: 20261207T100000Z\r\n" +
            "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261207/us-east-1/dynamodb/aws4_request, " +
            $"SignedHeaders=content-length;content-type;host;x-amz-date;x-amz-target, Signature={index:x64}\r\n" +
            $"Content-Length: {content.Length}\r\n" +
            "Connection: keep-alive\r\n\r\n";
        return ([.. Encoding.ASCII.GetBytes(head), .. content], content.Length);
    }

    private static void Run(int port, (byte[] Bytes, int Body)[] requests, int workers, int iterations)
    {
        var threads = Enumerable.Range(0, workers).Select(w => new Thread(() =>
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Connect("127.0.0.1", port);
            var buffer = new byte[64 * 1024];
            for (var i = w; i < iterations; i += workers)
            {
                socket.Send(requests[i % requests.Length].Bytes);
                ReadResponse(socket, buffer);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }

    private static void ReadResponse(Socket socket, byte[] buffer)
    {
        var length = 0;
        var bodyStart = -1;
        var contentLength = 0;
        while (bodyStart < 0 || length < bodyStart + contentLength)
        {
            var read = socket.Receive(buffer.AsSpan(length));
            if (read == 0)
            {
                throw new InvalidOperationException("The server closed the connection.");
            }

            length += read;
            if (bodyStart < 0)
            {
                var end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
                if (end >= 0)
                {
                    bodyStart = end + 4;
                    contentLength = ContentLength(buffer.AsSpan(0, end));
                    if (!buffer.AsSpan(0, 12).StartsWith("HTTP/1.1 200"u8))
                    {
                        throw new InvalidOperationException("Unexpected response: " + Encoding.ASCII.GetString(buffer, 0, length));
                    }
                }
            }
        }
    }

    private static int ContentLength(ReadOnlySpan<byte> head)
    {
        var at = head.IndexOf("Content-Length: "u8);
        var value = 0;
        for (var i = at + 16; i < head.Length && head[i] is >= (byte)'0' and <= (byte)'9'; i++)
        {
            value = (value * 10) + (head[i] - '0');
        }

        return value;
    }
}
