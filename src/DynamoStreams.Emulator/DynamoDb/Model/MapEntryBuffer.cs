namespace DynamoStreams.Emulator.DynamoDb.Model;

/// <summary>
/// A thread's buffer for the entries of the maps it is reading, so that each map's dictionary is made at its final
/// size: grown one entry at a time, a dictionary allocates (and drops) its arrays again at 3 entries. A map read inside
/// another stacks its entries above the outer map's and takes only its own. Each thread has its own buffer, and
/// reading a map never awaits, so no other read's entries interleave with a map's.
/// </summary>
internal static class MapEntryBuffer
{
    // Kept while it stays this small: an item with thousands of attributes should not pin a large buffer on the thread.
    private const int KeptCapacity = 256;

    [ThreadStatic]
    private static List<KeyValuePair<string, AttributeValue>>? t_entries;

    /// <summary>Starts a map: its entries are those added from the returned position on.</summary>
    public static List<KeyValuePair<string, AttributeValue>> Open(out int start)
    {
        var entries = t_entries ??= new List<KeyValuePair<string, AttributeValue>>(KeptCapacity);
        start = entries.Count;
        return entries;
    }

    /// <summary>Builds the map from the entries added since <paramref name="start"/>; a repeated name keeps its last value, as DynamoDB does.</summary>
    public static Dictionary<string, AttributeValue> ToMap(List<KeyValuePair<string, AttributeValue>> entries, int start)
    {
        var map = new Dictionary<string, AttributeValue>(entries.Count - start, StringComparer.Ordinal);
        for (var i = start; i < entries.Count; i++)
        {
            map[entries[i].Key] = entries[i].Value;
        }

        return map;
    }

    /// <summary>Ends a map, read or failed: drops its entries (and the buffer, when the outermost map made it large).</summary>
    public static void Close(List<KeyValuePair<string, AttributeValue>> entries, int start)
    {
        entries.RemoveRange(start, entries.Count - start);
        if (start == 0 && entries.Capacity > KeptCapacity)
        {
            t_entries = null;
        }
    }
}
