namespace DynamoStreams.LocalLambda.EventSourceMapping.Status;

/// <summary>Counts what one mapping did; read a consistent-enough copy with <see cref="Snapshot"/>.</summary>
internal sealed class EventSourceMappingCounters
{
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

    public void AddRead(int count) => Interlocked.Add(ref _recordsRead, count);

    public void AddFiltered(int count) => Interlocked.Add(ref _recordsFiltered, count);

    public void AddDelivered(int count) => Interlocked.Add(ref _recordsDelivered, count);

    public void AddBatch() => Interlocked.Increment(ref _batches);

    public void AddFunctionError() => Interlocked.Increment(ref _functionErrors);

    public void AddThrottle() => Interlocked.Increment(ref _throttles);

    public void AddRetry() => Interlocked.Increment(ref _retries);

    public void AddBisect() => Interlocked.Increment(ref _bisects);

    public void AddSentToDestination(int count) => Interlocked.Add(ref _recordsSentToDestination, count);

    public void AddDropped(int count) => Interlocked.Add(ref _recordsDropped, count);

    public void SetIteratorAge(TimeSpan age) => Interlocked.Exchange(ref _iteratorAgeMilliseconds, (long)Math.Max(0, age.TotalMilliseconds));

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
