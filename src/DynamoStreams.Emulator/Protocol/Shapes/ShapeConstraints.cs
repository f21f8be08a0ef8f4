using System.Buffers;

namespace DynamoStreams.Emulator.Protocol.Shapes;

/// <summary>
/// The constraints the service model declares on one shape (length, pattern, enum, numeric range, map keys) and
/// that DynamoDB's request validator checks after deserializing, reporting each violation in its own words:
/// "Member must have length greater than or equal to 3".
/// </summary>
internal sealed class ShapeConstraints
{
    /// <summary>The table and index name pattern of the model, <c>[a-zA-Z0-9_.-]+</c>.</summary>
    public const string NamePattern = "[a-zA-Z0-9_.-]+";

    private const string NameAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-";

    private static readonly SearchValues<char> s_nameChars = SearchValues.Create(NameAlphabet);

    private static readonly SearchValues<byte> s_nameBytes = SearchValues.Create(System.Text.Encoding.ASCII.GetBytes(NameAlphabet));

    private byte[][]? _enumUtf8;

    /// <summary>Gets the minimum length of a string (characters), list or map (entries).</summary>
    public int? MinLength { get; init; }

    /// <summary>Gets the maximum length of a string, list or map.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Gets the minimum of a number.</summary>
    public long? Min { get; init; }

    /// <summary>Gets the maximum of a number.</summary>
    public long? Max { get; init; }

    /// <summary>Gets the allowed values of a string, in the order DynamoDB lists them.</summary>
    public string[]? Enum { get; init; }

    /// <summary>Gets whether a string must match <see cref="NamePattern"/>.</summary>
    public bool NameCharacters { get; init; }

    /// <summary>
    /// Gets whether the string is a table name that may also be a table ARN: an ARN is checked by the table name
    /// it carries.
    /// </summary>
    public bool AcceptsTableArn { get; init; }

    /// <summary>
    /// Gets whether a missing or wrong-length value is reported alone, before any other constraint, in the words
    /// of the control-plane operations ("The parameter 'TableName' is required but was not present in the request").
    /// </summary>
    public bool ReportedAsParameter { get; init; }

    /// <summary>Gets the shape of a map's keys, when they are constrained.</summary>
    public Shape? MapKey { get; init; }

    /// <summary>Gets the constraints of a table name: 3 to 255 characters of <see cref="NamePattern"/>, or a table ARN.</summary>
    public static ShapeConstraints TableName { get; } = new() { MinLength = 3, MaxLength = 255, NameCharacters = true, AcceptsTableArn = true };

    /// <summary>Gets the constraints of an index name.</summary>
    public static ShapeConstraints IndexName { get; } = new() { MinLength = 3, MaxLength = 255, NameCharacters = true };

    /// <summary>Returns whether every character is one of the name characters.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> when the name pattern is matched (an empty text never is).</returns>
    public static bool IsName(ReadOnlySpan<char> text) => text.Length > 0 && !text.ContainsAnyExcept(s_nameChars);

    /// <summary>
    /// Returns whether an ASCII string, as its request bytes, certainly satisfies every constraint: the common case,
    /// decided without decoding it. <see langword="false"/> means "check it in full", not "broken".
    /// </summary>
    /// <param name="ascii">The string's bytes, all printable ASCII without escapes.</param>
    /// <returns>Whether the value is valid.</returns>
    public bool AcceptsAscii(ReadOnlySpan<byte> ascii)
    {
        if ((MinLength is { } min && ascii.Length < min) || (MaxLength is { } max && ascii.Length > max) ||
            (NameCharacters && (ascii.Length == 0 || ascii.ContainsAnyExcept(s_nameBytes))))
        {
            return false;
        }

        if (Enum is null)
        {
            return true;
        }

        foreach (var allowed in _enumUtf8 ??= Array.ConvertAll(Enum, System.Text.Encoding.UTF8.GetBytes))
        {
            if (ascii.SequenceEqual(allowed))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Lists the constraint texts in the order DynamoDB prints them inside "Map keys must satisfy constraint: [...]".
    /// </summary>
    /// <returns>The texts, for example <c>Member must have length less than or equal to 255</c>.</returns>
    public List<string> Describe()
    {
        var texts = new List<string>();
        if (MaxLength is { } max)
        {
            texts.Add(ConstraintTexts.MaxLength(max));
        }

        if (MinLength is { } min)
        {
            texts.Add(ConstraintTexts.MinLength(min));
        }

        if (NameCharacters)
        {
            texts.Add(ConstraintTexts.Pattern(NamePattern));
        }

        if (Enum is not null)
        {
            texts.Add(ConstraintTexts.OneOf(Enum));
        }

        if (Min is { } low)
        {
            texts.Add(ConstraintTexts.AtLeast(low));
        }

        if (Max is { } high)
        {
            texts.Add(ConstraintTexts.AtMost(high));
        }

        return texts;
    }
}
