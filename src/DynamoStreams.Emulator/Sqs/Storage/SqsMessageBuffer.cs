namespace DynamoStreams.Emulator.Sqs.Storage;

/// <summary>
/// Holds the messages of one queue in send order with a lookup by message id, and answers the questions that
/// need every message: depth by state, retention expiry, and the next time a hidden message reappears.
/// Not thread-safe: the owning queue's lock guards it.
/// </summary>
internal sealed class SqsMessageBuffer
{
    private readonly SortedDictionary<long, SqsMessage> _messages = [];
    private readonly Dictionary<string, SqsMessage> _byId = new(StringComparer.Ordinal);

    /// <summary>Gets the messages in send order.</summary>
    public IEnumerable<SqsMessage> InOrder => _messages.Values;

    public void Add(SqsMessage message)
    {
        _messages.Add(message.Sequence, message);
        _byId[message.MessageId] = message;
    }

    public void Remove(SqsMessage message)
    {
        _messages.Remove(message.Sequence);
        _byId.Remove(message.MessageId);
    }

    public void Clear()
    {
        _messages.Clear();
        _byId.Clear();
    }

    public SqsMessage? Find(string messageId) => _byId.GetValueOrDefault(messageId);

    /// <summary>Removes the messages sent at least <paramref name="retention"/> ago.</summary>
    public void DropExpired(DateTimeOffset now, TimeSpan retention)
    {
        foreach (var message in _messages.Values.Where(m => now - m.SentAt >= retention).ToList())
        {
            Remove(message);
        }
    }

    /// <summary>Counts the messages that are visible, in flight, and delayed.</summary>
    public (int Visible, int InFlight, int Delayed) Count(DateTimeOffset now)
    {
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

    /// <summary>Returns the earliest future time at which a hidden message becomes visible.</summary>
    public DateTimeOffset? NextVisibleAt(DateTimeOffset now)
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
