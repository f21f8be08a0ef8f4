using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions;

/// <summary>
/// Holds one request's <c>ExpressionAttributeNames</c> and <c>ExpressionAttributeValues</c>, records which
/// placeholders the request's expressions use, and reports unused ones as DynamoDB does after all expressions of
/// the request are parsed (<see cref="ValidateAllUsed"/>).
/// </summary>
internal sealed class ExpressionContext
{
    private readonly IReadOnlyDictionary<string, string>? _names;
    private readonly IReadOnlyDictionary<string, AttributeValue>? _values;
    // Created on the first placeholder resolved: most requests carry no maps, and their context allocates nothing more.
    private HashSet<string>? _usedNames;
    private HashSet<string>? _usedValues;

    /// <summary>Initializes a context, validating the maps' keys as DynamoDB does.</summary>
    /// <param name="names">The <c>ExpressionAttributeNames</c> map, or null when absent.</param>
    /// <param name="values">The <c>ExpressionAttributeValues</c> map, or null when absent.</param>
    /// <exception cref="DynamoValidationException">A map is empty or has a malformed key.</exception>
    public ExpressionContext(IReadOnlyDictionary<string, string>? names, IReadOnlyDictionary<string, AttributeValue>? values)
    {
        if (names is not null)
        {
            if (names.Count == 0)
            {
                throw new DynamoValidationException("ExpressionAttributeNames must not be empty");
            }

            foreach (var key in names.Keys)
            {
                if (!IsPlaceholder(key, '#'))
                {
                    throw new DynamoValidationException($"ExpressionAttributeNames contains invalid key: Syntax error; key: \"{key}\"");
                }
            }
        }

        if (values is not null)
        {
            if (values.Count == 0)
            {
                throw new DynamoValidationException("ExpressionAttributeValues must not be empty");
            }

            foreach (var key in values.Keys)
            {
                if (!IsPlaceholder(key, ':'))
                {
                    throw new DynamoValidationException($"ExpressionAttributeValues contains invalid key: Syntax error; key: \"{key}\"");
                }
            }
        }

        _names = names;
        _values = values;
    }

    /// <summary>Gets the context with no placeholders, shared: with no maps nothing resolves, so it never records a use.</summary>
    public static ExpressionContext Empty { get; } = new(null, null);

    /// <summary>Gets the names map, or null.</summary>
    public IReadOnlyDictionary<string, string>? Names => _names;

    /// <summary>Gets the values map, or null.</summary>
    public IReadOnlyDictionary<string, AttributeValue>? Values => _values;

    /// <summary>
    /// Reads an <c>ExpressionAttributeValues</c> JSON object, reporting a malformed value as DynamoDB does:
    /// <c>ExpressionAttributeValues contains invalid value: &lt;reason&gt; for key :v</c>.
    /// </summary>
    /// <param name="element">The JSON object.</param>
    /// <returns>The values by placeholder.</returns>
    /// <exception cref="DynamoSerializationException">The JSON shape is wrong.</exception>
    /// <exception cref="DynamoValidationException">A key or value is invalid.</exception>
    public static Dictionary<string, AttributeValue> ReadAttributeValues(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new DynamoSerializationException(element.ValueKind == JsonValueKind.Array
                ? "Start of list found where not expected"
                : "Expected map or null");
        }

        var result = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        string? firstError = null;
        foreach (var property in element.EnumerateObject())
        {
            var reader = new Utf8JsonReader(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(property.Value));
            reader.Read();
            var value = AttributeValueReader.ReadValue(ref reader, out var error);
            if (error is not null)
            {
                firstError ??= $"ExpressionAttributeValues contains invalid value: {error} for key {property.Name}";
            }
            else
            {
                result[property.Name] = value!;
            }
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!IsPlaceholder(property.Name, ':'))
            {
                throw new DynamoValidationException($"ExpressionAttributeValues contains invalid key: Syntax error; key: \"{property.Name}\"");
            }
        }

        return firstError is null ? result : throw new DynamoValidationException(firstError);
    }

    /// <summary>Throws DynamoDB's error when a name or value placeholder was never used by any expression of the request.</summary>
    /// <exception cref="DynamoValidationException">A placeholder is unused.</exception>
    public void ValidateAllUsed()
    {
        if (_names is not null && (_usedNames?.Count ?? 0) < _names.Count)
        {
            var unused = _names.Keys.Where(k => _usedNames?.Contains(k) != true);
            throw new DynamoValidationException("Value provided in ExpressionAttributeNames unused in expressions: keys: {" + string.Join(", ", unused) + "}");
        }

        if (_values is not null && (_usedValues?.Count ?? 0) < _values.Count)
        {
            var unused = _values.Keys.Where(k => _usedValues?.Contains(k) != true);
            throw new DynamoValidationException("Value provided in ExpressionAttributeValues unused in expressions: keys: {" + string.Join(", ", unused) + "}");
        }
    }

    internal string? ResolveName(string placeholder)
    {
        if (_names is null || !_names.TryGetValue(placeholder, out var name))
        {
            return null;
        }

        (_usedNames ??= new HashSet<string>(StringComparer.Ordinal)).Add(placeholder);
        return name;
    }

    internal AttributeValue? ResolveValue(string placeholder)
    {
        if (_values is null || !_values.TryGetValue(placeholder, out var value))
        {
            return null;
        }

        (_usedValues ??= new HashSet<string>(StringComparer.Ordinal)).Add(placeholder);
        return value;
    }

    private static bool IsPlaceholder(string key, char prefix)
    {
        if (key.Length < 2 || key[0] != prefix)
        {
            return false;
        }

        for (var i = 1; i < key.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(key[i]) && key[i] != '_')
            {
                return false;
            }
        }

        return true;
    }
}
