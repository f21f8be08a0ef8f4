namespace DynamoStreams.Emulator.Protocol.Shapes;

/// <summary>
/// One shape of a service's input model: its kind, the Java type name the service's deserializer reports in
/// its messages, and its element (lists, map values) or members (structures).
/// </summary>
internal sealed class Shape
{
    private const string ModelPackage = "com.amazonaws.dynamodb.v20120810.";

    private Shape(ShapeKind kind, string javaName, Shape? element = null, ShapeConstraints? constraints = null)
    {
        Kind = kind;
        JavaName = javaName;
        Element = element;
        Constraints = constraints;
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

    /// <summary>Gets the constraints the request validator checks on a value of this shape, if any.</summary>
    public ShapeConstraints? Constraints { get; }

    /// <summary>Gets the members of a structure that must not be null, in the model's order (bit i of the mask is entry i).</summary>
    public List<string> Required { get; } = [];

    /// <summary>Gets the mask with one bit set per required member.</summary>
    public ulong RequiredMask { get; private set; }

    /// <summary>Gets whether this shape or anything under it declares a constraint (computed by <see cref="Seal()"/>).</summary>
    public bool HasConstraints { get; private set; }

    /// <summary>Gets the members of a structure (empty for other kinds).</summary>
    public Dictionary<string, ShapeMember> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets <see cref="Members"/> looked up by a name held in a span.</summary>
    public Dictionary<string, ShapeMember>.AlternateLookup<ReadOnlySpan<char>> MemberLookup => Members.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Gets the simple Java name used by the scalar conversion messages (<c>String</c>, <c>Long</c>).</summary>
    public string SimpleName => JavaName[(JavaName.LastIndexOf('.') + 1)..];

    public static Shape ListOf(Shape element, ShapeConstraints? constraints = null) =>
        new(ShapeKind.List, $"java.util.List<{element.JavaName}>", element, constraints);

    public static Shape MapOf(Shape value, ShapeConstraints? constraints = null) =>
        new(ShapeKind.Map, $"java.util.Map<java.lang.String, {value.JavaName}>", value, constraints);

    /// <summary>Creates a string shape with constraints.</summary>
    /// <param name="constraints">The constraints.</param>
    /// <returns>The shape.</returns>
    public static Shape Text(ShapeConstraints constraints) => new(ShapeKind.String, String.JavaName, null, constraints);

    /// <summary>Creates a string shape limited to the given values.</summary>
    /// <param name="values">The allowed values, in the order DynamoDB lists them.</param>
    /// <returns>The shape.</returns>
    public static Shape OneOf(params string[] values) => Text(new ShapeConstraints { Enum = values });

    /// <summary>Creates a number shape with a range.</summary>
    /// <param name="kind"><see cref="ShapeKind.Integer"/> or <see cref="ShapeKind.Long"/>.</param>
    /// <param name="min">The minimum, if any.</param>
    /// <param name="max">The maximum, if any.</param>
    /// <returns>The shape.</returns>
    public static Shape Number(ShapeKind kind, long? min, long? max = null) =>
        new(kind, (kind == ShapeKind.Integer ? Integer : Long).JavaName, null, new ShapeConstraints { Min = min, Max = max });

    public static Shape Structure(string name) => new(ShapeKind.Structure, ModelPackage + name);

    /// <summary>Adds members to a structure; recursive structures add theirs after creation.</summary>
    /// <param name="members">Pairs of member name and shape.</param>
    /// <returns>This shape.</returns>
    public Shape With(params (string Name, Shape Shape)[] members)
    {
        foreach (var (name, shape) in members)
        {
            Members[name] = new ShapeMember(shape, -1);
        }

        return this;
    }

    /// <summary>Marks members of a structure as required (the validator reports them as "Member must not be null").</summary>
    /// <param name="members">The member names, in the model's order.</param>
    /// <returns>This shape.</returns>
    public Shape Require(params string[] members)
    {
        foreach (var name in members)
        {
            var bit = Required.Count;
            Members[name] = Members[name] with { RequiredBit = bit };
            Required.Add(name);
            RequiredMask |= 1UL << bit;
        }

        return this;
    }

    /// <summary>
    /// Computes <see cref="HasConstraints"/> for this shape and everything under it, so that the validator skips
    /// whole subtrees (items, attribute values) that declare nothing.
    /// </summary>
    /// <returns>This shape.</returns>
    public Shape Seal()
    {
        Seal(new HashSet<Shape>());
        return this;
    }

    private bool Seal(HashSet<Shape> visiting)
    {
        if (!visiting.Add(this))
        {
            // A recursive shape (AttributeValue) adds nothing on the way back to itself.
            return HasConstraints;
        }

        var any = Constraints is not null || Required.Count > 0;
        if (Element is not null)
        {
            any |= Element.Seal(visiting);
        }

        foreach (var member in Members.Values)
        {
            any |= member.Shape.Seal(visiting);
        }

        HasConstraints = any;
        return any;
    }
}
