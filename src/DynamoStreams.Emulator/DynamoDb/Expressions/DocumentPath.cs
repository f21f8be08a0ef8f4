using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions;

/// <summary>
/// Represents a resolved document path such as <c>a.b[2].c</c> (placeholders already substituted), which reads
/// a value out of an item without allocating.
/// </summary>
internal sealed class DocumentPath : IEquatable<DocumentPath>
{
    private readonly PathElement[] _elements;

    /// <summary>Initializes a path from its steps; the first step must be a name.</summary>
    /// <param name="elements">The steps.</param>
    public DocumentPath(IEnumerable<PathElement> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        _elements = elements.ToArray();
        if (_elements.Length == 0 || _elements[0].IsIndex)
        {
            throw new ArgumentException("A document path starts with an attribute name.", nameof(elements));
        }
    }

    /// <summary>Gets the steps.</summary>
    public IReadOnlyList<PathElement> Elements => _elements;

    /// <summary>Gets the number of steps.</summary>
    public int Count => _elements.Length;

    /// <summary>Gets the top-level attribute name.</summary>
    public string Root => _elements[0].Name!;

    /// <summary>Gets the step at a position.</summary>
    /// <param name="index">The position.</param>
    public PathElement this[int index] => _elements[index];

    /// <summary>Creates a single-step path naming a top-level attribute.</summary>
    /// <param name="name">The attribute name.</param>
    /// <returns>The path.</returns>
    public static DocumentPath ForAttribute(string name) => new([PathElement.ForName(name)]);

    /// <summary>Reads the value at this path, or null when any step is missing or of the wrong type.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The value, or null.</returns>
    public AttributeValue? Resolve(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.TryGetValue(_elements[0].Name!, out var current))
        {
            return null;
        }

        for (var i = 1; i < _elements.Length; i++)
        {
            var step = _elements[i];
            if (step.IsIndex)
            {
                if (current.Type != AttributeValueType.L)
                {
                    return null;
                }

                var list = current.AsList();
                if (step.Index >= list.Length)
                {
                    return null;
                }

                current = list[step.Index];
            }
            else
            {
                if (current.Type != AttributeValueType.M || !current.AsMap().TryGetValue(step.Name!, out current!))
                {
                    return null;
                }
            }
        }

        return current;
    }

    /// <summary>Returns the path as DynamoDB prints it in messages, e.g. <c>[a, b, [1]]</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => "[" + string.Join(", ", _elements) + "]";

    /// <summary>Determines whether two paths have the same steps.</summary>
    /// <param name="other">The other path.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(DocumentPath? other) => other is not null && _elements.AsSpan().SequenceEqual(other._elements);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DocumentPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var element in _elements)
        {
            hash.Add(element);
        }

        return hash.ToHashCode();
    }
}
