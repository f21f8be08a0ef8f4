namespace DynamoStreams.Emulator.DynamoDb.Expressions;

/// <summary>Represents one step of a document path: a map key (or top-level attribute name) or a list index.</summary>
internal readonly record struct PathElement
{
    private PathElement(string? name, int index)
    {
        Name = name;
        Index = index;
    }

    /// <summary>Gets the attribute or map key name, or null for a list index.</summary>
    public string? Name { get; }

    /// <summary>Gets the list index (meaningful when <see cref="IsIndex"/> is true).</summary>
    public int Index { get; }

    /// <summary>Gets a value indicating whether this step is a list index.</summary>
    public bool IsIndex => Name is null;

    /// <summary>Creates a name step.</summary>
    /// <param name="name">The attribute or map key name.</param>
    /// <returns>The step.</returns>
    public static PathElement ForName(string name) => new(name ?? throw new ArgumentNullException(nameof(name)), 0);

    /// <summary>Creates a list index step.</summary>
    /// <param name="index">The zero-based index.</param>
    /// <returns>The step.</returns>
    public static PathElement ForIndex(int index) => new(null, index);

    /// <summary>Returns the step as DynamoDB prints it in messages: the name, or the index in brackets.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Name ?? "[" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
}
