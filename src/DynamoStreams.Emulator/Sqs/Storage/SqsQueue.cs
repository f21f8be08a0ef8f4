using System.Globalization;

namespace DynamoStreams.Emulator.Sqs.Storage;

/// <summary>
/// Holds one standard queue: its attributes and messages, visibility timeouts, retention, redrive to a
/// dead-letter queue, and the signal long polls wait on. Every member is thread-safe.
/// </summary>
internal sealed partial class SqsQueue
{
    private readonly Lock _gate = new();
    private readonly SqsMessageBuffer _messages = new();
    private readonly SqsChangeSignal _signal = new();
    private readonly Dictionary<string, string> _attributes;
    private long _nextSequence;

    public SqsQueue(string region, string accountId, string name, Dictionary<string, string> attributes,
        Dictionary<string, string> tags, DateTimeOffset createdAt)
    {
        Region = region;
        AccountId = accountId;
        Name = name;
        Arn = $"arn:aws:sqs:{region}:{accountId}:{name}";
        _attributes = attributes;
        Tags = tags;
        CreatedAt = createdAt;
        LastModifiedAt = createdAt;
    }

    public string Region { get; }

    public string AccountId { get; }

    public string Name { get; }

    public string Arn { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset LastModifiedAt { get; private set; }

    public DateTimeOffset? LastPurgedAt { get; private set; }

    public Dictionary<string, string> Tags { get; }

    public bool IsDeleted { get; private set; }

    /// <summary>Gets the key that makes receipt handles of this queue incarnation unique.</summary>
    private string HandleKey => Arn + "|" + CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture);

    public int GetIntAttribute(string name)
    {
        lock (_gate)
        {
            return int.Parse(_attributes[name], CultureInfo.InvariantCulture);
        }
    }

    public Dictionary<string, string> SnapshotAttributes()
    {
        lock (_gate)
        {
            return new Dictionary<string, string>(_attributes, StringComparer.Ordinal);
        }
    }

    public void SetAttributes(IReadOnlyDictionary<string, string> attributes, DateTimeOffset now)
    {
        lock (_gate)
        {
            foreach (var (name, value) in attributes)
            {
                _attributes[name] = value;
            }

            LastModifiedAt = now;
            LogQueueUpdated();
        }

        Signal();
    }

    /// <summary>Changes the tags (TagQueue, UntagQueue) and logs the queue's new tag set.</summary>
    public void ChangeTags(Action<Dictionary<string, string>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            lock (Tags)
            {
                change(Tags);
            }

            LogQueueUpdated();
        }
    }

    public (int Visible, int InFlight, int Delayed) Count(DateTimeOffset now)
    {
        lock (_gate)
        {
            DropExpired(now);
            return _messages.Count(now);
        }
    }

    public SqsMessage Enqueue(SqsMessageDraft draft, int? delaySeconds, DateTimeOffset now)
    {
        SqsMessage message;
        lock (_gate)
        {
            var delay = delaySeconds ?? int.Parse(_attributes[SqsQueueAttributes.DelaySeconds], CultureInfo.InvariantCulture);
            message = draft.ToMessage(++_nextSequence, now, now.AddSeconds(delay));
            Add(message);
            LogMessageStored(message);
        }

        Signal();
        return message;
    }

    /// <summary>Adds a message moved from another queue by redrive, keeping its id and receive history.</summary>
    public void AcceptRedriven(SqsMessage original, DateTimeOffset now)
    {
        lock (_gate)
        {
            var moved = original.CopyForRedrive(++_nextSequence, now);
            Add(moved);
            LogMessageStored(moved);
        }

        Signal();
    }

    /// <summary>
    /// Takes up to <paramref name="max"/> visible messages, hides them for the visibility timeout, and moves
    /// messages past the redrive policy's receive count to the dead-letter queue instead of returning them.
    /// </summary>
    public List<(SqsMessage Message, string Handle)> TakeVisible(int max, int? visibilityTimeout, DateTimeOffset now,
        Func<string, SqsQueue?> findByArn)
    {
        var taken = new List<(SqsMessage, string)>();
        var redriven = new List<(SqsMessage, SqsQueue)>();

        // A message moved to the dead-letter queue leaves this queue and enters that one in one log entry. The
        // entries are appended when this method returns, not under the lock: nobody else can change the taken
        // messages before then (their receipt handles are not out yet). A receive from the DLQ in that instant is
        // the one exception, and its replay could only give the moved message back its earlier receive count.
        using var atomic = DynamoDb.Storage.AtomicWrite.Begin();
        lock (_gate)
        {
            DropExpired(now);
            var timeout = visibilityTimeout ?? int.Parse(_attributes[SqsQueueAttributes.VisibilityTimeout], CultureInfo.InvariantCulture);
            var redrive = ReadRedrive(findByArn);
            foreach (var message in _messages.InOrder.ToList())
            {
                if (taken.Count == max)
                {
                    break;
                }

                if (message.VisibleAt > now)
                {
                    continue;
                }

                if (redrive is { } policy && message.ReceiveCount >= policy.MaxReceiveCount)
                {
                    Remove(message);
                    LogMessageDeleted(message);
                    redriven.Add((message, policy.DeadLetterQueue));
                    continue;
                }

                message.ReceiveCount++;
                message.FirstReceivedAt ??= now;
                message.VisibleAt = now.AddSeconds(timeout);
                LogMessageStored(message);
                taken.Add((message, SqsReceiptHandle.Create(HandleKey, message.MessageId, message.ReceiveCount)));
            }
        }

        foreach (var (message, deadLetterQueue) in redriven)
        {
            deadLetterQueue.AcceptRedriven(message, now);
        }

        return taken;
    }

    public void Delete(string receiptHandle)
    {
        lock (_gate)
        {
            var message = Resolve(receiptHandle, out var receiveCount);

            // A stale but genuine handle succeeds without deleting, as SQS documents.
            if (message is null || message.ReceiveCount != receiveCount)
            {
                return;
            }

            Remove(message);
            LogMessageDeleted(message);
        }
    }

    public void ChangeVisibility(string receiptHandle, int visibilityTimeout, DateTimeOffset now)
    {
        lock (_gate)
        {
            var message = Resolve(receiptHandle, out var receiveCount);
            if (message is null || message.ReceiveCount != receiveCount || !message.IsInFlight(now))
            {
                throw SqsErrors.MessageNotInflight();
            }

            message.VisibleAt = now.AddSeconds(visibilityTimeout);
            LogMessageStored(message);
        }

        Signal();
    }

    public void Purge(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (LastPurgedAt is { } last && now - last < TimeSpan.FromSeconds(60))
            {
                throw SqsErrors.PurgeQueueInProgress(Name);
            }

            LastPurgedAt = now;
            _messages.Clear();
            Journal?.QueuePurged(new SqsQueuePurge(Region, Name, now));
        }
    }

    public void MarkDeleted()
    {
        lock (_gate)
        {
            IsDeleted = true;
            _messages.Clear();
        }

        Signal();
    }

    /// <summary>Returns a task that completes at the next send, visibility change or deletion.</summary>
    public Task WaitForChangeAsync() => _signal.WaitAsync();

    /// <summary>Returns the earliest future time at which a hidden message becomes visible.</summary>
    public DateTimeOffset? NextVisibleAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _messages.NextVisibleAt(now);
        }
    }

    private (string DeadLetterTargetArn, int MaxReceiveCount, SqsQueue DeadLetterQueue)? ReadRedrive(Func<string, SqsQueue?> findByArn)
    {
        if (!_attributes.TryGetValue(SqsQueueAttributes.RedrivePolicy, out var json) || json.Length == 0)
        {
            return null;
        }

        var (arn, count) = SqsQueueAttributes.ParseRedrivePolicy(json);
        return findByArn(arn) is { IsDeleted: false } target && target != this ? (arn, count, target) : null;
    }

    private SqsMessage? Resolve(string receiptHandle, out int receiveCount)
    {
        if (!SqsReceiptHandle.TryParse(HandleKey, receiptHandle, out var messageId, out receiveCount))
        {
            throw SqsErrors.ReceiptHandleIsInvalid(receiptHandle);
        }

        return _messages.Find(messageId);
    }

    private void DropExpired(DateTimeOffset now) =>
        _messages.DropExpired(now, TimeSpan.FromSeconds(int.Parse(_attributes[SqsQueueAttributes.MessageRetentionPeriod], CultureInfo.InvariantCulture)));

    private void Add(SqsMessage message) => _messages.Add(message);

    private void Remove(SqsMessage message) => _messages.Remove(message);

    private void Signal() => _signal.Notify();}
