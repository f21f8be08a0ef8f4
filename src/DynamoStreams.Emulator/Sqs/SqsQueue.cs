using System.Globalization;

namespace DynamoStreams.Emulator.Sqs;

/// <summary>
/// Holds one standard queue: its attributes and messages, visibility timeouts, retention, redrive to a
/// dead-letter queue, and the signal long polls wait on. Every member is thread-safe.
/// </summary>
internal sealed class SqsQueue
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, SqsMessage> _messages = [];
    private readonly Dictionary<string, SqsMessage> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _attributes;
    private TaskCompletionSource _changed = NewSignal();
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

    /// <summary>Gets or sets the callback told after every change (persistence), outside the queue's lock.</summary>
    public Action<SqsQueue>? Changed { get; set; }

    public SqsQueueState ExportState()
    {
        lock (_gate)
        {
            return new SqsQueueState(Region, Name, new Dictionary<string, string>(_attributes, StringComparer.Ordinal),
                new Dictionary<string, string>(Tags, StringComparer.Ordinal), CreatedAt, LastModifiedAt, LastPurgedAt, _nextSequence,
                [.. _messages.Values.Select(m => new SqsMessageState(m.Sequence, m.MessageId, m.Body,
                    new Dictionary<string, SqsMessageAttribute>(m.MessageAttributes, StringComparer.Ordinal),
                    new Dictionary<string, SqsMessageAttribute>(m.SystemAttributes, StringComparer.Ordinal),
                    m.SenderId, m.SentAt, m.VisibleAt, m.ReceiveCount, m.FirstReceivedAt))]);
        }
    }

    public static SqsQueue FromState(SqsQueueState state, string accountId)
    {
        var queue = new SqsQueue(state.Region, accountId, state.Name, state.Attributes, state.Tags, state.CreatedAt)
        {
            LastModifiedAt = state.LastModifiedAt,
            LastPurgedAt = state.LastPurgedAt,
        };
        queue._nextSequence = state.NextSequence;
        foreach (var m in state.Messages)
        {
            var draft = new SqsMessageDraft(m.Body, m.MessageAttributes, m.SystemAttributes, m.SenderId);
            queue.Add(new SqsMessage
            {
                Sequence = m.Sequence,
                MessageId = m.MessageId,
                Body = m.Body,
                Md5OfBody = draft.Md5OfBody,
                MessageAttributes = draft.Attributes,
                Md5OfMessageAttributes = draft.Md5OfAttributes,
                SystemAttributes = draft.SystemAttributes,
                Md5OfSystemAttributes = draft.Md5OfSystemAttributes,
                SenderId = m.SenderId,
                SentAt = m.SentAt,
                VisibleAt = m.VisibleAt,
                ReceiveCount = m.ReceiveCount,
                FirstReceivedAt = m.FirstReceivedAt,
            });
        }

        return queue;
    }

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
        }

        Signal();
        Changed?.Invoke(this);
    }

    public (int Visible, int InFlight, int Delayed) Count(DateTimeOffset now)
    {
        lock (_gate)
        {
            DropExpired(now);
            int visible = 0, inFlight = 0, delayed = 0;
            foreach (var message in _messages.Values)
            {
                if (message.IsDelayed(now))
                {
                    delayed++;
                }
                else if (message.IsInFlight(now))
                {
                    inFlight++;
                }
                else
                {
                    visible++;
                }
            }

            return (visible, inFlight, delayed);
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
        }

        Signal();
        Changed?.Invoke(this);
        return message;
    }

    /// <summary>Adds a message moved from another queue by redrive, keeping its id and receive history.</summary>
    public void AcceptRedriven(SqsMessage original, DateTimeOffset now)
    {
        lock (_gate)
        {
            var moved = new SqsMessage
            {
                Sequence = ++_nextSequence,
                MessageId = original.MessageId,
                Body = original.Body,
                Md5OfBody = original.Md5OfBody,
                MessageAttributes = original.MessageAttributes,
                Md5OfMessageAttributes = original.Md5OfMessageAttributes,
                SystemAttributes = original.SystemAttributes,
                Md5OfSystemAttributes = original.Md5OfSystemAttributes,
                SenderId = original.SenderId,
                SentAt = original.SentAt,
                VisibleAt = now,
                ReceiveCount = original.ReceiveCount,
                FirstReceivedAt = original.FirstReceivedAt,
            };
            Add(moved);
        }

        Signal();
        Changed?.Invoke(this);
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
        lock (_gate)
        {
            DropExpired(now);
            var timeout = visibilityTimeout ?? int.Parse(_attributes[SqsQueueAttributes.VisibilityTimeout], CultureInfo.InvariantCulture);
            var redrive = ReadRedrive(findByArn);
            foreach (var message in _messages.Values.ToList())
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
                    redriven.Add((message, policy.DeadLetterQueue));
                    continue;
                }

                message.ReceiveCount++;
                message.FirstReceivedAt ??= now;
                message.VisibleAt = now.AddSeconds(timeout);
                taken.Add((message, SqsReceiptHandle.Create(HandleKey, message.MessageId, message.ReceiveCount)));
            }
        }

        foreach (var (message, deadLetterQueue) in redriven)
        {
            deadLetterQueue.AcceptRedriven(message, now);
        }

        if (taken.Count > 0 || redriven.Count > 0)
        {
            Changed?.Invoke(this);
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
        }

        Changed?.Invoke(this);
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
        }

        Signal();
        Changed?.Invoke(this);
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
            _byId.Clear();
        }

        Changed?.Invoke(this);
    }

    public void MarkDeleted()
    {
        lock (_gate)
        {
            IsDeleted = true;
            _messages.Clear();
            _byId.Clear();
        }

        Signal();
    }

    /// <summary>Returns a task that completes at the next send, visibility change or deletion.</summary>
    public Task WaitForChangeAsync()
    {
        lock (_gate)
        {
            return _changed.Task;
        }
    }

    /// <summary>Returns the earliest future time at which a hidden message becomes visible.</summary>
    public DateTimeOffset? NextVisibleAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            DateTimeOffset? next = null;
            foreach (var message in _messages.Values)
            {
                if (message.VisibleAt > now && (next is null || message.VisibleAt < next))
                {
                    next = message.VisibleAt;
                }
            }

            return next;
        }
    }

    public SqsReceivedMessage ToReceived(SqsMessage message, string handle)
    {
        var system = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SenderId"] = message.SenderId,
            ["SentTimestamp"] = message.SentAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["ApproximateReceiveCount"] = message.ReceiveCount.ToString(CultureInfo.InvariantCulture),
            ["ApproximateFirstReceiveTimestamp"] =
                (message.FirstReceivedAt ?? message.SentAt).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        if (message.SystemAttributes.TryGetValue("AWSTraceHeader", out var trace) && trace.StringValue is not null)
        {
            system["AWSTraceHeader"] = trace.StringValue;
        }

        return new SqsReceivedMessage(message.MessageId, handle, message.Body, message.Md5OfBody, system,
            message.MessageAttributes, message.Md5OfMessageAttributes);
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

        return _byId.GetValueOrDefault(messageId);
    }

    private void DropExpired(DateTimeOffset now)
    {
        var retention = TimeSpan.FromSeconds(int.Parse(_attributes[SqsQueueAttributes.MessageRetentionPeriod], CultureInfo.InvariantCulture));
        foreach (var message in _messages.Values.Where(m => now - m.SentAt >= retention).ToList())
        {
            Remove(message);
        }
    }

    private void Add(SqsMessage message)
    {
        _messages.Add(message.Sequence, message);
        _byId[message.MessageId] = message;
    }

    private void Remove(SqsMessage message)
    {
        _messages.Remove(message.Sequence);
        _byId.Remove(message.MessageId);
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = NewSignal();
        }

        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
