namespace DynamoStreams.Emulator.Sqs;

/// <summary>Converts a queue to and from the state persistence writes to disk.</summary>
internal sealed partial class SqsQueue
{
    public SqsQueueState ExportState()
    {
        lock (_gate)
        {
            return new SqsQueueState(Region, Name, new Dictionary<string, string>(_attributes, StringComparer.Ordinal),
                new Dictionary<string, string>(Tags, StringComparer.Ordinal), CreatedAt, LastModifiedAt, LastPurgedAt, _nextSequence,
                [.. _messages.InOrder.Select(m => new SqsMessageState(m.Sequence, m.MessageId, m.Body,
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
}
