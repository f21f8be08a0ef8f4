using Amazon.DynamoDBv2.DocumentModel;
using SdkAttributeValue = Amazon.DynamoDBv2.Model.AttributeValue;
using StreamAttributeValue = DynamoStreams.Lambda.DynamoDBEvents.DynamoDBEvent.AttributeValue;

namespace DynamoStreams.Lambda.DynamoDBEvents;

/// <summary>
/// Converts stream images (<see cref="DynamoDBEvent.StreamRecord.NewImage"/>, <c>OldImage</c>, <c>Keys</c>) to the
/// AWS SDK's <see cref="SdkAttributeValue"/> maps and <see cref="Document"/>s, and back.
/// </summary>
/// <example>
/// <code>
/// var order = context.FromDocument&lt;Order&gt;(record.Dynamodb!.NewImage!.ToDocument());
/// </code>
/// </example>
public static class AttributeValueConverter
{
    /// <summary>
    /// Converts a stream image to an AWS SDK attribute map, e.g. for <c>PutItem</c>.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <returns>A new map with the same attributes.</returns>
    /// <exception cref="ArgumentException">An attribute value has no type member set.</exception>
    public static Dictionary<string, SdkAttributeValue> ToAttributeValueMap(this IDictionary<string, StreamAttributeValue> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var map = new Dictionary<string, SdkAttributeValue>(image.Count, StringComparer.Ordinal);
        foreach (var (name, value) in image)
        {
            map[name] = Convert(value, name);
        }

        return map;
    }

    /// <summary>
    /// Converts a stream image to a <see cref="Document"/>, e.g. for <c>DynamoDBContext.FromDocument&lt;T&gt;</c>.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentException">An attribute value has no type member set.</exception>
    public static Document ToDocument(this IDictionary<string, StreamAttributeValue> image) =>
        Document.FromAttributeMap(image.ToAttributeValueMap());

    /// <summary>
    /// Converts one stream attribute value to an AWS SDK attribute value.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The AWS SDK value.</returns>
    /// <exception cref="ArgumentException">No type member is set.</exception>
    public static SdkAttributeValue ToAttributeValue(this StreamAttributeValue value) => Convert(value, "value");

    /// <summary>
    /// Converts an AWS SDK attribute map to a stream image, e.g. to build test events.
    /// </summary>
    /// <param name="map">The AWS SDK map.</param>
    /// <returns>A new image with the same attributes.</returns>
    /// <exception cref="ArgumentException">An attribute value has no type member set.</exception>
    public static Dictionary<string, StreamAttributeValue> ToStreamImage(this IDictionary<string, SdkAttributeValue> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var image = new Dictionary<string, StreamAttributeValue>(map.Count, StringComparer.Ordinal);
        foreach (var (name, value) in map)
        {
            image[name] = Convert(value, name);
        }

        return image;
    }

    /// <summary>
    /// Converts a <see cref="Document"/> to a stream image.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <returns>The image.</returns>
    public static Dictionary<string, StreamAttributeValue> ToStreamImage(this Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.ToAttributeMap().ToStreamImage();
    }

    /// <summary>
    /// Converts one AWS SDK attribute value to a stream attribute value.
    /// </summary>
    /// <param name="value">The AWS SDK value.</param>
    /// <returns>The stream value.</returns>
    /// <exception cref="ArgumentException">No type member is set.</exception>
    public static StreamAttributeValue ToStreamAttributeValue(this SdkAttributeValue value) => Convert(value, "value");

    private static SdkAttributeValue Convert(StreamAttributeValue value, string path)
    {
        ArgumentNullException.ThrowIfNull(value, path);
        if (value.S is not null)
        {
            return new SdkAttributeValue { S = value.S };
        }

        if (value.N is not null)
        {
            return new SdkAttributeValue { N = value.N };
        }

        if (value.B is not null)
        {
            return new SdkAttributeValue { B = new MemoryStream(value.B, writable: false) };
        }

        if (value.SS is not null)
        {
            return new SdkAttributeValue { SS = [.. value.SS] };
        }

        if (value.NS is not null)
        {
            return new SdkAttributeValue { NS = [.. value.NS] };
        }

        if (value.BS is not null)
        {
            return new SdkAttributeValue { BS = value.BS.Select(b => new MemoryStream(b, writable: false)).ToList() };
        }

        if (value.M is not null)
        {
            return new SdkAttributeValue { M = value.M.ToDictionary(e => e.Key, e => Convert(e.Value, path + "." + e.Key), StringComparer.Ordinal) };
        }

        if (value.L is not null)
        {
            return new SdkAttributeValue { L = value.L.Select((item, i) => Convert(item, $"{path}[{i}]")).ToList() };
        }

        if (value.NULL is not null)
        {
            return new SdkAttributeValue { NULL = value.NULL };
        }

        if (value.BOOL is not null)
        {
            return new SdkAttributeValue { BOOL = value.BOOL };
        }

        throw NoMember(path);
    }

    private static StreamAttributeValue Convert(SdkAttributeValue value, string path)
    {
        ArgumentNullException.ThrowIfNull(value, path);
        if (value.S is not null)
        {
            return new StreamAttributeValue { S = value.S };
        }

        if (value.N is not null)
        {
            return new StreamAttributeValue { N = value.N };
        }

        if (value.B is not null)
        {
            return new StreamAttributeValue { B = value.B.ToArray() };
        }

        if (value.IsSSSet)
        {
            return new StreamAttributeValue { SS = [.. value.SS] };
        }

        if (value.IsNSSet)
        {
            return new StreamAttributeValue { NS = [.. value.NS] };
        }

        if (value.IsBSSet)
        {
            return new StreamAttributeValue { BS = value.BS.Select(b => b.ToArray()).ToList() };
        }

        if (value.IsMSet)
        {
            return new StreamAttributeValue { M = value.M.ToDictionary(e => e.Key, e => Convert(e.Value, path + "." + e.Key), StringComparer.Ordinal) };
        }

        if (value.IsLSet)
        {
            return new StreamAttributeValue { L = value.L.Select((item, i) => Convert(item, $"{path}[{i}]")).ToList() };
        }

        if (value.NULL is not null)
        {
            return new StreamAttributeValue { NULL = value.NULL };
        }

        if (value.IsBOOLSet)
        {
            return new StreamAttributeValue { BOOL = value.BOOL };
        }

        throw NoMember(path);
    }

    private static ArgumentException NoMember(string path) =>
        new($"The attribute value at '{path}' has no type member set: set exactly one of S, N, B, SS, NS, BS, M, L, NULL or BOOL.");
}
