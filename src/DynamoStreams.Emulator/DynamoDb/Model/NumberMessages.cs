namespace DynamoStreams.Emulator.DynamoDb.Model;

/// <summary>Holds DynamoDB's exact validation messages for number values (dynalite / real service).</summary>
internal static class NumberMessages
{
    public const string NotNumeric = "The parameter cannot be converted to a numeric value";
    public const string Overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
    public const string Underflow = "Number underflow. Attempting to store a number with magnitude smaller than supported range";
    public const string TooManyDigits = "Attempting to store more than 38 significant digits in a Number";

    public static string NotNumericValue(string text) => NotNumeric + ": " + text;
}
