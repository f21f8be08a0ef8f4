namespace DynamoStreams.Emulator.DynamoDb.Expressions.Legacy;

/// <summary>Holds DynamoDB's messages for the legacy (non-expression) parameters (dynalite / real service).</summary>
internal static class LegacyMessages
{
    public const string Prefix = "One or more parameter values were invalid: ";
    public const string SameType = Prefix + "AttributeValues inside AttributeValueList must be of same type";
    public const string BetweenOrder = "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound";
    public const string TypeMismatch = "Type mismatch for attribute to update";
    public const string NotIndexable = "Attempted conditional constraint is not an indexable operation";
    public const string DeleteNeedsNoValue = Prefix + "Only DELETE action is allowed when no attribute value is specified";

    public static string ArgumentCount(string op) => $"{Prefix}Invalid number of argument(s) for the {op} ComparisonOperator";

    public static string InvalidType(string op, string type) => $"{Prefix}ComparisonOperator {op} is not valid for {type} AttributeValue type";
}
