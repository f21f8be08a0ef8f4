using System.Diagnostics;
using System.Diagnostics.Metrics;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Status;

/// <summary>Counts what one mapping did; read a consistent-enough copy with <see cref="Snapshot"/>.</summary>
internal sealed class EventSourceMappingCounters(string uuid, string functionName)
{
    private static readonly Counter<long> s_read = EventSourceMappingTelemetry.Meter.CreateCounter<long>("esm.records.read", "{record}", "Records read from the stream.");
    private static readonly Counter<long> s_filtered = EventSourceMappingTelemetry.Meter.CreateCounter<long>("esm.records.filtered", "{record}", "Records dropped by filters.");
    private static readonly Counter<long> s_delivered = EventSourceMappingTelemetry.Meter.CreateCounter<long>("esm.records.delivered", "{record}", "Records the function processed.");
    private static readonly Counter<long> s_invocations = EventSourceMappingTelemetry.Meter.CreateCounter<long>("esm.invocations", "{invocation}", "Invocations made.");
    private static readonly Counter<long> s_errors = EventSourceMappingTelemetry.Meter.CreateCounter<long>("esm.errors", "{invocation}", "Failed invocations.");
    private static readonly Counter<long> s_throttles = EventSourceMappingTelemetry.Meter.CreateCounter<long>("esm.throttles", "{invocation}", "Throttled invocations.");
    private static readonly Counter<long> s_retries = EventSourceMappingTelemetry.Meter.CreateCounter<long>("esm.retries", "{retry}", "Retries counted against MaximumRetryAttempts.");
    private static readonly Counter<long> s_bisects = EventSourceMappingTelemetry.Meter.CreateCounter<long>("esm.bisects", "{split}", "Batches split in two.");
    private static readonly Counter<long> s_destination = EventSourceMappingTelemetry.Meter.CreateCounter<long>("esm.records.sent_to_destination", "{record}", "Records reported to the OnFailure destination.");
    private static readonly Counter<long> s_dropped = EventSourceMappingTelemetry.Meter.CreateCounter<long>("esm.records.dropped", "{record}", "Records discarded without a destination.");
    private static readonly Histogram<double> s_iteratorAge = EventSourceMappingTelemetry.Meter.CreateHistogram<double>("esm.iterator_age", "ms", "Age of the last record of each invocation.");

    private readonly TagList _tags = new() { { "aws.lambda.event_source_mapping.uuid", uuid }, { "faas.name", functionName } };

    private long _recordsRead;
    private long _recordsFiltered;
    private long _recordsDelivered;
    private long _batches;
    private long _functionErrors;
    private long _throttles;
    private long _retries;
    private long _bisects;
    private long _recordsSentToDestination;
    private long _recordsDropped;
    private long _iteratorAgeMilliseconds;

    public void AddRead(int count) => Add(ref _recordsRead, count, s_read);

    public void AddFiltered(int count) => Add(ref _recordsFiltered, count, s_filtered);

    public void AddDelivered(int count) => Add(ref _recordsDelivered, count, s_delivered);

    public void AddBatch() => Add(ref _batches, 1, s_invocations);

    public void AddFunctionError() => Add(ref _functionErrors, 1, s_errors);

    public void AddThrottle() => Add(ref _throttles, 1, s_throttles);

    public void AddRetry() => Add(ref _retries, 1, s_retries);

    public void AddBisect() => Add(ref _bisects, 1, s_bisects);

    public void AddSentToDestination(int count) => Add(ref _recordsSentToDestination, count, s_destination);

    public void AddDropped(int count) => Add(ref _recordsDropped, count, s_dropped);

    public void SetIteratorAge(TimeSpan age)
    {
        var milliseconds = Math.Max(0, age.TotalMilliseconds);
        Interlocked.Exchange(ref _iteratorAgeMilliseconds, (long)milliseconds);
        s_iteratorAge.Record(milliseconds, _tags);
    }

    private void Add(ref long field, int count, Counter<long> instrument)
    {
        Interlocked.Add(ref field, count);
        instrument.Add(count, _tags);
    }

    public EventSourceMappingMetrics Snapshot() => new()
    {
        RecordsRead = Interlocked.Read(ref _recordsRead),
        RecordsFiltered = Interlocked.Read(ref _recordsFiltered),
        RecordsDelivered = Interlocked.Read(ref _recordsDelivered),
        Batches = Interlocked.Read(ref _batches),
        FunctionErrors = Interlocked.Read(ref _functionErrors),
        Throttles = Interlocked.Read(ref _throttles),
        Retries = Interlocked.Read(ref _retries),
        Bisects = Interlocked.Read(ref _bisects),
        RecordsSentToDestination = Interlocked.Read(ref _recordsSentToDestination),
        RecordsDropped = Interlocked.Read(ref _recordsDropped),
        IteratorAge = TimeSpan.FromMilliseconds(Interlocked.Read(ref _iteratorAgeMilliseconds)),
    };
}
