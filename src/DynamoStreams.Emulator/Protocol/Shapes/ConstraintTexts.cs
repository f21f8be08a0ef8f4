using System.Globalization;

namespace DynamoStreams.Emulator.Protocol.Shapes;

/// <summary>DynamoDB's words for each kind of violated member constraint.</summary>
internal static class ConstraintTexts
{
    /// <summary>The text of a missing required member.</summary>
    public const string NotNull = "Member must not be null";

    public static string MinLength(int min) => "Member must have length greater than or equal to " + min.ToString(CultureInfo.InvariantCulture);

    public static string MaxLength(int max) => "Member must have length less than or equal to " + max.ToString(CultureInfo.InvariantCulture);

    public static string AtLeast(long min) => "Member must have value greater than or equal to " + min.ToString(CultureInfo.InvariantCulture);

    public static string AtMost(long max) => "Member must have value less than or equal to " + max.ToString(CultureInfo.InvariantCulture);

    public static string Pattern(string pattern) => "Member must satisfy regular expression pattern: " + pattern;

    public static string OneOf(string[] values) => "Member must satisfy enum value set: [" + string.Join(", ", values) + "]";
}
