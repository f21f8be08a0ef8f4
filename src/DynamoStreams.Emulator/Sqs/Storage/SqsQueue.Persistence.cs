namespace DynamoStreams.Emulator.Sqs.Storage;

/// <summary>Converts a queue to and from the state persistence writes to disk, and logs each change.</summary>
internal sealed partial class SqsQueue
{
    /// <summary>Gets or sets the journal every change is logged to (persistence), called under the queue's lock.</summary>
    public ISqsJournal? Journal { get; set; }

    /// <summary>Captures the whole queue with its messages (for a created queue and for snapshots).</summary>
    public SqsQueueState ExportState()
    {
        lock (_gate)
        {
            return Export(includeMessages: true);
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
        foreach (var message in state.Messages)
        {
            queue.Add(ToMessage(message));
        }

        return queue;
    }

    /// <summary>Applies a logged update of the attributes, tags and counters; the messages stay.</summary>
    public void RestoreUpdate(SqsQueueState state)
    {
        lock (_gate)
        {
            _attributes.Clear();
            foreach (var (name, value) in state.Attributes)
            {
                _attributes[name] = value;
            }

            lock (Tags)
            {
                Tags.Clear();
                foreach (var (key, value) in state.Tags)
                {
                    Tags[key] = value;
                }
            }

            LastModifiedAt = state.LastModifiedAt;
            LastPurgedAt = state.LastPurgedAt;
            _nextSequence = Math.Max(_nextSequence, state.NextSequence);
        }
    }

    /// <summary>Applies a logged message as it was: adds it, or replaces the one with its id.</summary>
    public void RestoreMessage(SqsMessageState state)
    {
        lock (_gate)
        {
            if (_messages.Find(state.MessageId) is { } existing)
            {
                Remove(existing);
            }

            Add(ToMessage(state));
            _nextSequence = Math.Max(_nextSequence, state.Sequence);
        }
    }

    /// <summary>Applies a logged deletion (a no-op when the message is already gone).</summary>
    public void RestoreDeletion(string messageId)
    {
        lock (_gate)
        {
            if (_messages.Find(messageId) is { } message)
            {
                Remove(message);
            }
        }
    }

    /// <summary>Applies a logged purge.</summary>
    public void RestorePurge(DateTimeOffset at)
    {
        lock (_gate)
        {
            LastPurgedAt = at;
            _messages.Clear();
        }
    }

    // A message's attributes never change after it is sent, so the state shares them instead of copying.
    private static SqsMessageState ToState(SqsMessage m) => new(m.Sequence, m.MessageId, m.Body, m.MessageAttributes,
        m.SystemAttributes, m.SenderId, m.SentAt, m.VisibleAt, m.ReceiveCount, m.FirstReceivedAt);

    private static SqsMessage ToMessage(SqsMessageState m)
    {
        var draft = new SqsMessageDraft(m.Body, m.MessageAttributes, m.SystemAttributes, m.SenderId);
        return new SqsMessage
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
        };
    }

    /// <summary>Captures the queue; call under <c>_gate</c>.</summary>
    private SqsQueueState Export(bool includeMessages)
    {
        Dictionary<string, string> tags;
        lock (Tags)
        {
            tags = new Dictionary<string, string>(Tags, StringComparer.Ordinal);
        }

        return new SqsQueueState(Region, Name, new Dictionary<string, string>(_attributes, StringComparer.Ordinal), tags,
            CreatedAt, LastModifiedAt, LastPurgedAt, _nextSequence, includeMessages ? [.. _messages.InOrder.Select(ToState)] : []);
    }

    // The Log* methods run under _gate, so one queue's entries reach the log in the order of its changes.
    private void LogQueueUpdated() => Journal?.QueueUpdated(Export(includeMessages: false));

    private void LogMessageStored(SqsMessage message) => Journal?.MessageStored(new SqsMessageEntry(Region, Name, ToState(message)));

    private void LogMessageDeleted(SqsMessage message) => Journal?.MessageDeleted(new SqsMessageDeletion(Region, Name, message.MessageId));
}
