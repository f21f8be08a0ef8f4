namespace DynamoStreams.Emulator.Protocol.Shapes;

/// <summary>
/// One shape of a service's input model: its kind, the Java type name the service's deserializer reports in
/// its messages, and its element (lists, map values) or members (structures).
/// </summary>
internal sealed class Shape
{
    private const string ModelPackage = "com.amazonaws.dynamodb.v20120810.";

    private Shape(ShapeKind kind, string javaName, Shape? element = null)
    {
        Kind = kind;
        JavaName = javaName;
        Element = element;
    }

    public static Shape String { get; } = new(ShapeKind.String, "java.lang.String");

    public static Shape Boolean { get; } = new(ShapeKind.Boolean, "java.lang.Boolean");

    public static Shape Integer { get; } = new(ShapeKind.Integer, "java.lang.Integer");

    public static Shape Long { get; } = new(ShapeKind.Long, "java.lang.Long");

    public static Shape Blob { get; } = new(ShapeKind.Blob, "java.nio.ByteBuffer");

    public ShapeKind Kind { get; }

    /// <summary>Gets the Java type, for example <c>java.util.Map&lt;java.lang.String, java.lang.String&gt;</c>.</summary>
    public string JavaName { get; }

    /// <summary>Gets the element of a list or the value of a map.</summary>
    public Shape? Element { get; }

    /// <summary>Gets the members of a structure (empty for other kinds).</summary>
    public Dictionary<string, Shape> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets <see cref="Members"/> looked up by a name held in a span.</summary>
    public Dictionary<string, Shape>.AlternateLookup<ReadOnlySpan<char>> MemberLookup => Members.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Gets the simple Java name used by the scalar conversion messages (<c>String</c>, <c>Long</c>).</summary>
    public string SimpleName => JavaName[(JavaName.LastIndexOf('.') + 1)..];

    public static Shape ListOf(Shape element) => new(ShapeKind.List, $"java.util.List<{element.JavaName}>", element);

    public static Shape MapOf(Shape value) => new(ShapeKind.Map, $"java.util.Map<java.lang.String, {value.JavaName}>", value);

    public static Shape Structure(string name) => new(ShapeKind.Structure, ModelPackage + name);

    /// <summary>Adds members to a structure; recursive structures add theirs after creation.</summary>
    /// <param name="members">Pairs of member name and shape.</param>
    /// <returns>This shape.</returns>
    public Shape With(params (string Name, Shape Shape)[] members)
    {
        foreach (var (name, shape) in members)
        {
            Members[name] = shape;
        }

        return this;
    }
}
