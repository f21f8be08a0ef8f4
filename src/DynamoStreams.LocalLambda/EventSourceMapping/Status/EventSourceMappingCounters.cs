using System.Diagnostics;
using System.Diagnostics.Metrics;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Status;

/// <summary>Counts what one mapping did; read a consistent-enough copy with <see cref="Snapshot"/>.</summary>
internal sealed class EventSourceMappingCounters(string uuid, string functionName)
{
    // Names, units and descriptions in OpenTelemetry semantic-convention style: a dotted namespace, UCUM units
    // ({record}, s), counters for what happens and histograms for durations and ages.
    private static readonly Counter<long> s_read = Counter("records.read", "{record}", "Stream records the mapping read from its shards.");
    private static readonly Counter<long> s_filtered = Counter("records.filtered", "{record}", "Stream records dropped by the mapping's filter criteria (checkpointed, never delivered).");
    private static readonly Counter<long> s_delivered = Counter("records.delivered", "{record}", "Stream records the function processed successfully.");
    private static readonly Counter<long> s_invocations = Counter("invocations", "{invocation}", "Invocations of the function with a batch (Lambda's Invocations).");
    private static readonly Counter<long> s_errors = Counter("function_errors", "{invocation}", "Invocations that failed: a function error, a timeout, a crash or a failing batch response.");
    private static readonly Counter<long> s_throttles = Counter("throttles", "{invocation}", "Invocations throttled before the function ran.");
    private static readonly Counter<long> s_retries = Counter("retries", "{retry}", "Batches invoked again after a failure (counted against MaximumRetryAttempts).");
    private static readonly Counter<long> s_bisects = Counter("bisects", "{split}", "Failed batches split in two (BisectBatchOnFunctionError).");
    private static readonly Counter<long> s_destination = Counter("records.dead_lettered", "{record}", "Stream records discarded and reported to the OnFailure destination (the dead-letter queue).");
    private static readonly Counter<long> s_dropped = Counter("records.dropped", "{record}", "Stream records discarded without an OnFailure destination.");
    private static readonly Histogram<double> s_iteratorAge = EventSourceMappingTelemetry.Meter.CreateHistogram<double>(
        EventSourceMappingTelemetry.MetricPrefix + "iterator_age", "s", "Age of the newest record of each invocation when it is invoked (Lambda's IteratorAge).");
    private static readonly Histogram<double> s_batchDuration = EventSourceMappingTelemetry.Meter.CreateHistogram<double>(
        EventSourceMappingTelemetry.MetricPrefix + "batch.duration", "s", "Duration of one invocation of the function with a batch, from invoke to response.");

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
        s_iteratorAge.Record(milliseconds / 1000, _tags);
    }

    public void RecordBatchDuration(TimeSpan duration) => s_batchDuration.Record(Math.Max(0, duration.TotalSeconds), _tags);

    private static Counter<long> Counter(string name, string unit, string description) =>
        EventSourceMappingTelemetry.Meter.CreateCounter<long>(EventSourceMappingTelemetry.MetricPrefix + name, unit, description);

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
