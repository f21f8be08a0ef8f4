using System.Text.RegularExpressions;
using DynamoStreams.Emulator.Sqs.Operations;

namespace DynamoStreams.Emulator.Sqs.Storage;

/// <summary>
/// Holds every queue of the emulator, by region and name, and implements the in-process queue API.
/// The HTTP operations (<see cref="SqsOperation"/> and the action files beside it) work on the same store.
/// </summary>
internal sealed partial class SqsQueueStore : ISqsQueues
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Region, string Name), SqsQueue> _queues = [];
    private readonly Dictionary<(string Region, string Name), DateTimeOffset> _deletedAt = [];
    private ISqsJournal? _journal;

    /// <summary>Creates an empty store.</summary>
    /// <param name="accountId">The account id used in queue URLs and ARNs.</param>
    /// <param name="timeProvider">The clock for visibility, delays, retention and long polls.</param>
    public SqsQueueStore(string accountId, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentNullException.ThrowIfNull(timeProvider);
        AccountId = accountId;
        TimeProvider = timeProvider;
    }

    /// <summary>Gets the account id used in queue URLs and ARNs.</summary>
    public string AccountId { get; }

    /// <summary>Gets the clock the queues use.</summary>
    public TimeProvider TimeProvider { get; }

    private DateTimeOffset Now => TimeProvider.GetUtcNow();

    /// <inheritdoc/>
    public Task<string> CreateQueueAsync(string region, string queueName, IReadOnlyDictionary<string, string>? attributes = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentNullException.ThrowIfNull(queueName);
        var arn = Create(region, queueName, attributes ?? new Dictionary<string, string>(), null).Arn;
        return DurableAsync(arn);
    }

    /// <inheritdoc/>
    public Task<string> SendMessageAsync(string queueArn, string body, IReadOnlyDictionary<string, SqsMessageAttribute>? attributes = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var queue = GetByArn(queueArn);
        var draft = SqsMessageValidation.CreateDraft(queue, body, attributes, null, AccountId);
        return DurableAsync(Send(queue, draft, null).MessageId);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<SqsReceivedMessage>> ReceiveMessagesAsync(string queueArn, int maxMessages, TimeSpan wait,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 10);
        return await ReceiveAsync(GetByArn(queueArn), maxMessages, null, wait, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task DeleteMessageAsync(string queueArn, string receiptHandle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receiptHandle);
        GetByArn(queueArn).Delete(receiptHandle);
        return DurableAsync(receiptHandle);
    }

    /// <inheritdoc/>
    public SqsQueueDepth GetDepth(string queueArn)
    {
        var queue = GetByArn(queueArn);
        var (visible, inFlight, delayed) = queue.Count(Now);
        return new SqsQueueDepth(queue.Arn, visible, inFlight, delayed);
    }

    /// <inheritdoc/>
    public Task PurgeAsync(string queueArn, CancellationToken cancellationToken = default)
    {
        GetByArn(queueArn).Purge(Now);
        return DurableAsync(queueArn);
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> ListQueueArns()
    {
        lock (_gate)
        {
            return [.. _queues.Values.Select(q => q.Arn).Order(StringComparer.Ordinal)];
        }
    }

    internal SqsQueue Create(string region, string name, IReadOnlyDictionary<string, string> attributes, IReadOnlyDictionary<string, string>? tags)
    {
        if (name.Length is < 1 or > 80 || !QueueNamePattern().IsMatch(name))
        {
            throw name.EndsWith(".fifo", StringComparison.Ordinal)
                ? SqsErrors.InvalidParameterValue("FIFO queues are not supported by this emulator; use a standard queue (a name without .fifo), as event-source mapping destinations require.")
                : SqsErrors.InvalidParameterValue("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }

        foreach (var (attribute, value) in attributes)
        {
            SqsQueueAttributes.Validate(attribute, value);
        }

        SqsQueue queue;
        lock (_gate)
        {
            if (_queues.TryGetValue((region, name), out var existing))
            {
                var current = existing.SnapshotAttributes();
                foreach (var (attribute, value) in attributes)
                {
                    if (!current.TryGetValue(attribute, out var currentValue) || currentValue != value)
                    {
                        throw SqsErrors.QueueNameExists(attribute);
                    }
                }

                return existing;
            }

            if (_deletedAt.TryGetValue((region, name), out var deletedAt) && Now - deletedAt < TimeSpan.FromSeconds(60))
            {
                throw SqsErrors.QueueDeletedRecently();
            }

            var settings = SqsQueueAttributes.CreateDefaults();
            foreach (var (attribute, value) in attributes)
            {
                settings[attribute] = value;
            }

            queue = new SqsQueue(region, AccountId, name, settings,
                new Dictionary<string, string>(tags ?? new Dictionary<string, string>(), StringComparer.Ordinal), Now);
            _queues[(region, name)] = queue;
            queue.Journal = _journal;

            // Logged before any other thread can find the queue, so its first message entry comes after it.
            _journal?.QueueChanged(queue.ExportState());
        }

        return queue;
    }

    /// <summary>Sets the journal that logs every change (persistence).</summary>
    internal void SetJournal(ISqsJournal? journal)
    {
        lock (_gate)
        {
            _journal = journal;
            foreach (var queue in _queues.Values)
            {
                queue.Journal = journal;
            }
        }
    }

    /// <summary>Lists every queue (for snapshots).</summary>
    internal IReadOnlyList<SqsQueue> ListAll()
    {
        lock (_gate)
        {
            return [.. _queues.Values];
        }
    }

    /// <summary>Replaces a queue with persisted state.</summary>
    internal void Restore(SqsQueueState state)
    {
        var queue = SqsQueue.FromState(state, AccountId);
        lock (_gate)
        {
            queue.Journal = _journal;
            _queues[(state.Region, state.Name)] = queue;
        }
    }

    /// <summary>Applies a persisted update of a queue's attributes and tags (creating the queue if the log lost it).</summary>
    internal void RestoreUpdate(SqsQueueState state)
    {
        SqsQueue? queue;
        lock (_gate)
        {
            queue = _queues.GetValueOrDefault((state.Region, state.Name));
        }

        if (queue is null)
        {
            Restore(state);
        }
        else
        {
            queue.RestoreUpdate(state);
        }
    }

    /// <summary>Applies a persisted message; ignored when its queue is gone.</summary>
    internal void RestoreMessage(SqsMessageEntry entry) => Find(entry.Region, entry.Name)?.RestoreMessage(entry.Message);

    /// <summary>Applies a persisted message deletion.</summary>
    internal void RestoreMessageDeletion(SqsMessageDeletion deletion) => Find(deletion.Region, deletion.Name)?.RestoreDeletion(deletion.MessageId);

    /// <summary>Applies a persisted purge.</summary>
    internal void RestorePurge(SqsQueuePurge purge) => Find(purge.Region, purge.Name)?.RestorePurge(purge.At);

    private SqsQueue? Find(string region, string name)
    {
        lock (_gate)
        {
            return _queues.GetValueOrDefault((region, name));
        }
    }

    /// <summary>Removes a queue as a persisted deletion says.</summary>
    internal void RestoreDeletion(string region, string name)
    {
        lock (_gate)
        {
            _queues.Remove((region, name));
        }
    }

    /// <summary>Completes with <paramref name="result"/> once every change so far is durable (in-process callers have no response to hold).</summary>
    private async Task<T> DurableAsync<T>(T result)
    {
        if (_journal is { } journal)
        {
            await journal.WaitAllDurableAsync().ConfigureAwait(false);
        }

        return result;
    }

    internal SqsQueue GetByName(string region, string name)
    {
        lock (_gate)
        {
            return _queues.TryGetValue((region, name), out var queue) ? queue : throw SqsErrors.QueueDoesNotExist();
        }
    }

    /// <summary>Resolves a queue URL: the last two path segments are the account id and the queue name.</summary>
    internal SqsQueue GetByUrl(string region, string queueUrl)
    {
        var path = Uri.TryCreate(queueUrl, UriKind.Absolute, out var uri) ? uri.AbsolutePath : queueUrl;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || segments[^2] != AccountId)
        {
            throw SqsErrors.QueueDoesNotExist();
        }

        return GetByName(region, segments[^1]);
    }

    internal SqsQueue GetByArn(string queueArn)
    {
        ArgumentNullException.ThrowIfNull(queueArn);
        var parts = queueArn.Split(':');
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "sqs" || parts[4] != AccountId)
        {
            throw SqsErrors.QueueDoesNotExist();
        }

        return GetByName(parts[3], parts[5]);
    }

    internal SqsQueue? FindByArn(string queueArn)
    {
        try
        {
            return GetByArn(queueArn);
        }
        catch (SqsException)
        {
            return null;
        }
    }

    internal IReadOnlyList<SqsQueue> List(string region, string? prefix)
    {
        lock (_gate)
        {
            return [.. _queues.Values
                .Where(q => q.Region == region && (prefix is null || q.Name.StartsWith(prefix, StringComparison.Ordinal)))
                .OrderBy(q => q.Name, StringComparer.Ordinal)];
        }
    }

    internal void Delete(SqsQueue queue)
    {
        lock (_gate)
        {
            _queues.Remove((queue.Region, queue.Name));
            _deletedAt[(queue.Region, queue.Name)] = Now;
        }

        queue.MarkDeleted();
        _journal?.QueueDeleted(queue.Region, queue.Name);
    }

    internal SqsMessage Send(SqsQueue queue, SqsMessageDraft draft, int? delaySeconds) => queue.Enqueue(draft, delaySeconds, Now);

    /// <summary>Receives messages, long polling until one is visible, the wait elapses or the caller cancels.</summary>
    internal async Task<IReadOnlyList<SqsReceivedMessage>> ReceiveAsync(SqsQueue queue, int max, int? visibilityTimeout,
        TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = Now + wait;
        while (true)
        {
            var changed = queue.WaitForChangeAsync();
            var now = Now;
            var taken = queue.TakeVisible(max, visibilityTimeout, now, FindByArn);
            if (taken.Count > 0 || now >= deadline || queue.IsDeleted)
            {
                return [.. taken.Select(t => SqsReceivedMessage.From(t.Message, t.Handle))];
            }

            var wakeAt = queue.NextVisibleAt(now) is { } next && next < deadline ? next : deadline;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(wakeAt - now, TimeProvider, timeout.Token);
            await Task.WhenAny(changed, delay).ConfigureAwait(false);
            await timeout.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex QueueNamePattern();
}
