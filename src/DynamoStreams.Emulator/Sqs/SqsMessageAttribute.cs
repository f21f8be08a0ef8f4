namespace DynamoStreams.Emulator.Sqs;

/// <summary>
/// Represents one SQS message attribute (or message system attribute) as sent by a producer.
/// </summary>
/// <param name="DataType">The data type: <c>String</c>, <c>Number</c> or <c>Binary</c>, optionally with a <c>.custom</c> suffix.</param>
/// <param name="StringValue">The value of a <c>String</c> or <c>Number</c> attribute.</param>
/// <param name="BinaryValue">The value of a <c>Binary</c> attribute.</param>
public sealed record SqsMessageAttribute(string DataType, string? StringValue, byte[]? BinaryValue)
{
    /// <summary>Gets a value indicating whether the attribute carries a binary value.</summary>
    public bool IsBinary => DataType.StartsWith("Binary", StringComparison.Ordinal);

    /// <summary>Creates a <c>String</c> attribute.</summary>
    /// <param name="value">The string value.</param>
    /// <returns>The attribute.</returns>
    public static SqsMessageAttribute String(string value) => new("String", value, null);
}
