using System.Collections.Immutable;
using System.Collections.ObjectModel;

namespace DynamoStreams.Emulator.DynamoDb.Model;

/// <summary>
/// Represents one immutable DynamoDB attribute value (S, N, B, SS, NS, BS, M, L, NULL or BOOL) with DynamoDB's
/// value equality: sets compare as sets, numbers numerically, binaries bytewise.
/// </summary>
internal sealed partial class AttributeValue : IEquatable<AttributeValue>
{
    private static readonly ReadOnlyDictionary<string, AttributeValue> s_emptyMap = new(new Dictionary<string, AttributeValue>());

    // One payload per type: string (S), DynamoNumber (N), byte[] (B), ImmutableArray<string> (SS),
    // ImmutableArray<DynamoNumber> (NS), ImmutableArray<ReadOnlyMemory<byte>> (BS),
    // ReadOnlyDictionary (M), ImmutableArray<AttributeValue> (L), null (NULL, BOOL).
    private readonly object? _value;
    private readonly bool _bool;

    private AttributeValue(AttributeValueType type, object? value, bool boolean = false)
    {
        Type = type;
        _value = value;
        _bool = boolean;
    }

    /// <summary>Gets the value's type.</summary>
    public AttributeValueType Type { get; }

    /// <summary>Gets the NULL value.</summary>
    public static AttributeValue Null { get; } = new(AttributeValueType.NULL, null);

    /// <summary>Gets the BOOL value true.</summary>
    public static AttributeValue True { get; } = new(AttributeValueType.BOOL, null, true);

    /// <summary>Gets the BOOL value false.</summary>
    public static AttributeValue False { get; } = new(AttributeValueType.BOOL, null, false);

    /// <summary>Gets the empty map value.</summary>
    public static AttributeValue EmptyMap { get; } = new(AttributeValueType.M, s_emptyMap);

    /// <summary>Gets the empty list value.</summary>
    public static AttributeValue EmptyList { get; } = new(AttributeValueType.L, ImmutableArray<AttributeValue>.Empty);

    /// <summary>Creates a string (S) value.</summary>
    /// <param name="value">The string.</param>
    /// <returns>The value.</returns>
    public static AttributeValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(AttributeValueType.S, value);
    }

    /// <summary>Creates a number (N) value.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static AttributeValue FromNumber(DynamoNumber value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(AttributeValueType.N, value);
    }

    /// <summary>Creates a number (N) value from its text, validating it as DynamoDB does.</summary>
    /// <param name="text">The number text.</param>
    /// <returns>The value.</returns>
    /// <exception cref="DynamoValidationException">The text is not a valid DynamoDB number.</exception>
    public static AttributeValue FromNumber(string text) => new(AttributeValueType.N, DynamoNumber.Parse(text));

    /// <summary>Creates a binary (B) value, copying the bytes.</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>The value.</returns>
    public static AttributeValue FromBinary(ReadOnlySpan<byte> value) => new(AttributeValueType.B, value.ToArray());

    /// <summary>Creates a BOOL value.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The value.</returns>
    public static AttributeValue FromBool(bool value) => value ? True : False;

    /// <summary>Creates a string set (SS), validating that it is non-empty and has no duplicates.</summary>
    /// <param name="values">The members.</param>
    /// <returns>The value.</returns>
    /// <exception cref="DynamoValidationException">The set is empty or has duplicates.</exception>
    public static AttributeValue FromStringSet(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var members = values.ToImmutableArray();
        var error = SetRules.ValidateStringSet(members);
        return error is null ? new(AttributeValueType.SS, members) : throw new DynamoValidationException(error);
    }

    /// <summary>Creates a number set (NS), validating that it is non-empty and has no numerically equal members.</summary>
    /// <param name="values">The members.</param>
    /// <returns>The value.</returns>
    /// <exception cref="DynamoValidationException">The set is empty or has duplicates.</exception>
    public static AttributeValue FromNumberSet(IEnumerable<DynamoNumber> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var members = values.ToImmutableArray();
        var error = SetRules.ValidateNumberSet(members);
        return error is null ? new(AttributeValueType.NS, members) : throw new DynamoValidationException(error);
    }

    /// <summary>Creates a binary set (BS), copying the members and validating that it is non-empty and has no duplicates.</summary>
    /// <param name="values">The members.</param>
    /// <returns>The value.</returns>
    /// <exception cref="DynamoValidationException">The set is empty or has duplicates.</exception>
    public static AttributeValue FromBinarySet(IEnumerable<ReadOnlyMemory<byte>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var members = values.Select(static v => (ReadOnlyMemory<byte>)v.ToArray()).ToImmutableArray();
        var error = SetRules.ValidateBinarySet(members);
        return error is null ? new(AttributeValueType.BS, members) : throw new DynamoValidationException(error);
    }

    /// <summary>Creates a map (M) value, copying the entries.</summary>
    /// <param name="entries">The entries; a repeated name keeps the last value.</param>
    /// <returns>The value.</returns>
    public static AttributeValue FromMap(IEnumerable<KeyValuePair<string, AttributeValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var (name, value) in entries)
        {
            map[name] = value ?? throw new ArgumentException("A map entry has a null value.", nameof(entries));
        }

        return FromOwnedMap(map);
    }

    /// <summary>Creates a list (L) value, copying the elements.</summary>
    /// <param name="values">The elements.</param>
    /// <returns>The value.</returns>
    public static AttributeValue FromList(IEnumerable<AttributeValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToImmutableArray();
        return list.Length == 0 ? EmptyList : new(AttributeValueType.L, list);
    }

    /// <summary>Returns the string of an S value.</summary>
    /// <returns>The string.</returns>
    /// <exception cref="InvalidOperationException">The value is not an S.</exception>
    public string AsString() => Expect<string>(AttributeValueType.S);

    /// <summary>Returns the number of an N value.</summary>
    /// <returns>The number.</returns>
    /// <exception cref="InvalidOperationException">The value is not an N.</exception>
    public DynamoNumber AsNumber() => Expect<DynamoNumber>(AttributeValueType.N);

    /// <summary>Returns the bytes of a B value.</summary>
    /// <returns>The bytes.</returns>
    /// <exception cref="InvalidOperationException">The value is not a B.</exception>
    public ReadOnlyMemory<byte> AsBinary() => Expect<byte[]>(AttributeValueType.B);

    /// <summary>Returns the members of an SS value in their stored order.</summary>
    /// <returns>The members.</returns>
    /// <exception cref="InvalidOperationException">The value is not an SS.</exception>
    public ImmutableArray<string> AsStringSet() => Expect<ImmutableArray<string>>(AttributeValueType.SS);

    /// <summary>Returns the members of an NS value in their stored order.</summary>
    /// <returns>The members.</returns>
    /// <exception cref="InvalidOperationException">The value is not an NS.</exception>
    public ImmutableArray<DynamoNumber> AsNumberSet() => Expect<ImmutableArray<DynamoNumber>>(AttributeValueType.NS);

    /// <summary>Returns the members of a BS value in their stored order.</summary>
    /// <returns>The members.</returns>
    /// <exception cref="InvalidOperationException">The value is not a BS.</exception>
    public ImmutableArray<ReadOnlyMemory<byte>> AsBinarySet() => Expect<ImmutableArray<ReadOnlyMemory<byte>>>(AttributeValueType.BS);

    /// <summary>Returns the entries of an M value.</summary>
    /// <returns>The entries.</returns>
    /// <exception cref="InvalidOperationException">The value is not an M.</exception>
    public IReadOnlyDictionary<string, AttributeValue> AsMap() => Expect<ReadOnlyDictionary<string, AttributeValue>>(AttributeValueType.M);

    /// <summary>Returns the elements of an L value.</summary>
    /// <returns>The elements.</returns>
    /// <exception cref="InvalidOperationException">The value is not an L.</exception>
    public ImmutableArray<AttributeValue> AsList() => Expect<ImmutableArray<AttributeValue>>(AttributeValueType.L);

    /// <summary>Returns the boolean of a BOOL value.</summary>
    /// <returns>The boolean.</returns>
    /// <exception cref="InvalidOperationException">The value is not a BOOL.</exception>
    public bool AsBool() => Type == AttributeValueType.BOOL ? _bool : throw WrongType(AttributeValueType.BOOL);

    /// <summary>Returns the DynamoDB wire key of a type ("S", "N", ..., "NULL", "BOOL").</summary>
    /// <param name="type">The type.</param>
    /// <returns>The wire key.</returns>
    public static string TypeKey(AttributeValueType type) => type switch
    {
        AttributeValueType.S => "S",
        AttributeValueType.N => "N",
        AttributeValueType.B => "B",
        AttributeValueType.SS => "SS",
        AttributeValueType.NS => "NS",
        AttributeValueType.BS => "BS",
        AttributeValueType.M => "M",
        AttributeValueType.L => "L",
        AttributeValueType.NULL => "NULL",
        AttributeValueType.BOOL => "BOOL",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown attribute value type."),
    };

    /// <summary>Returns the value in DynamoDB JSON, e.g. <c>{"N":"1.5"}</c>.</summary>
    /// <returns>The JSON text.</returns>
    public override string ToString()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            AttributeValueWriter.WriteValue(writer, this);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    internal static AttributeValue FromOwnedString(string value) => new(AttributeValueType.S, value);

    internal static AttributeValue FromOwnedBinary(byte[] value) => new(AttributeValueType.B, value);

    internal static AttributeValue FromOwnedMap(Dictionary<string, AttributeValue> map) =>
        map.Count == 0 ? EmptyMap : new(AttributeValueType.M, new ReadOnlyDictionary<string, AttributeValue>(map));

    internal static AttributeValue FromValidatedSet(AttributeValueType type, object members) => new(type, members);

    internal static AttributeValue FromOwnedList(ImmutableArray<AttributeValue> list) =>
        list.Length == 0 ? EmptyList : new(AttributeValueType.L, list);

    internal byte[] RawBinary => (byte[])_value!;

    private T Expect<T>(AttributeValueType type) => Type == type ? (T)_value! : throw WrongType(type);

    private InvalidOperationException WrongType(AttributeValueType expected) =>
        new($"The attribute value is of type {TypeKey(Type)}, not {TypeKey(expected)}.");
}
