using System.Text.Json;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Filtering;

/// <summary>
/// Represents one parsed filter pattern of the EventBridge pattern language (spec B.7), matched against the record as
/// it is delivered to the function (the stream record plus <c>eventSourceARN</c>).
/// </summary>
public sealed class FilterPattern
{
    private readonly PatternNode _root;

    private FilterPattern(string source, PatternNode root)
    {
        Source = source;
        _root = root;
    }

    /// <summary>Gets the pattern text as given.</summary>
    public string Source { get; }

    /// <summary>Parses a pattern.</summary>
    /// <param name="pattern">The pattern's JSON text.</param>
    /// <returns>The parsed pattern.</returns>
    /// <exception cref="FilterPatternException">The pattern is not valid JSON or not a valid pattern.</exception>
    public static FilterPattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(pattern);
        }
        catch (JsonException ex)
        {
            throw new FilterPatternException($"The pattern is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FilterPatternException("A pattern must be a JSON object, for example {\"eventName\":[\"INSERT\"]}.");
            }

            return new FilterPattern(pattern, FilterPatternParser.ParseObject(document.RootElement, "$"));
        }
    }

    /// <summary>Returns whether a delivered record matches the pattern.</summary>
    /// <param name="record">The record as delivered (a JSON object).</param>
    /// <returns>True when the record matches.</returns>
    public bool Matches(JsonElement record) => _root.Matches(record);
}
