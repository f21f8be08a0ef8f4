using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Names the emulator's OpenTelemetry meter: every DynamoDB, DynamoDB Streams and SQS request counted and timed, tagged
/// with the service and operation in the style of OpenTelemetry's RPC semantic conventions.
/// </summary>
public static class EmulatorTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "DynamoStreams.Emulator";

    private static readonly Meter s_meter = new(MeterName);

    private static readonly Counter<long> s_requests = s_meter.CreateCounter<long>(
        "dynamostreams.emulator.requests", "{request}", "Requests the emulator served, by service (rpc.service) and operation (rpc.method).");

    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>(
        "dynamostreams.emulator.request.duration", "s", "Time the emulator took to answer a request, from reading its body to writing its response.");

    internal static void Record(string service, string operation, string? errorType, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "rpc.system", "aws-api" },
            { "rpc.service", service },
            { "rpc.method", operation },
        };
        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        s_requests.Add(1, tags);
        s_duration.Record(elapsed.TotalSeconds, tags);
    }
}
