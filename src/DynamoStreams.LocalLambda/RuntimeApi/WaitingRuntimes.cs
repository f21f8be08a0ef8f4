namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Holds the runtimes waiting in <c>/invocation/next</c>, oldest first. Not thread-safe: the owning
/// <see cref="InvocationQueue"/>'s lock guards it, and <see cref="Poller.Release"/> is the only answer given under it.
/// </summary>
internal sealed class WaitingRuntimes
{
    private readonly LinkedList<Poller> _pollers = new();

    public int Count => _pollers.Count;

    /// <summary>Adds a waiting <c>/next</c> of <paramref name="instance"/>.</summary>
    public Poller Add(RuntimeInstance instance)
    {
        var poller = new Poller(instance);
        poller.Node = _pollers.AddLast(poller);
        return poller;
    }

    /// <summary>Removes a poller whose request was cancelled.</summary>
    public void Remove(Poller poller)
    {
        if (poller.Node is { List: not null } node)
        {
            _pollers.Remove(node);
        }
    }

    /// <summary>Takes the oldest poller still waiting, skipping those whose request ended.</summary>
    public Poller? TakeOldest()
    {
        while (_pollers.First is { } first)
        {
            _pollers.RemoveFirst();
            if (!first.Value.Work.IsCompleted)
            {
                return first.Value;
            }
        }

        return null;
    }

    /// <summary>Tells the pollers of a runtime that exited to end.</summary>
    public void ReleaseOf(RuntimeInstance instance)
    {
        for (var node = _pollers.First; node is not null;)
        {
            var next = node.Next;
            if (ReferenceEquals(node.Value.Instance, instance))
            {
                _pollers.Remove(node);
                node.Value.Release();
            }

            node = next;
        }
    }

    /// <summary>Tells every poller to end: the function stops.</summary>
    public void ReleaseAll()
    {
        foreach (var poller in _pollers)
        {
            poller.Release();
        }

        _pollers.Clear();
    }
}
