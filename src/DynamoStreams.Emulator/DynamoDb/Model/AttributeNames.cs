using System.Collections.Concurrent;
using System.Text.Json;

namespace DynamoStreams.Emulator.DynamoDb.Model;

/// <summary>
/// Shares one string per attribute name: a table holds the same few names on every item, so reading them from
/// each request into a new string would cost an allocation per attribute per write and the same bytes again in
/// every stored item. Bounded, so that a client inventing names cannot grow it without limit.
/// </summary>
internal static class AttributeNames
{
    private const int MaxNames = 50_000;
    private const int MaxPooledLength = 64;
    private static readonly ConcurrentDictionary<string, string> s_names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> s_lookup =
        s_names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns the name the reader is on (a property name or string), shared when it was seen before.</summary>
    public static string Read(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueSpan.Length > MaxPooledLength)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[MaxPooledLength];
        var length = reader.CopyString(chars);
        var name = chars[..length];
        if (s_lookup.TryGetValue(name, out var shared))
        {
            return shared;
        }

        var created = name.ToString();
        return s_names.Count < MaxNames ? s_names.GetOrAdd(created, created) : created;
    }
}
