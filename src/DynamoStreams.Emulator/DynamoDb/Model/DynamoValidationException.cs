namespace DynamoStreams.Emulator.DynamoDb.Model;

/// <summary>
/// Signals a request DynamoDB rejects with <c>com.amazon.coral.validate#ValidationException</c>; the message is
/// DynamoDB's exact text and is sent to the client unchanged.
/// </summary>
internal sealed class DynamoValidationException : Exception
{
    /// <summary>Initializes a new instance with DynamoDB's exact message.</summary>
    /// <param name="message">The message the client receives.</param>
    public DynamoValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with no message (prefer the message constructor).</summary>
    public DynamoValidationException()
    {
    }

    /// <summary>Initializes a new instance wrapping another exception.</summary>
    /// <param name="message">The message the client receives.</param>
    /// <param name="innerException">The cause.</param>
    public DynamoValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
