namespace DynamoStreams.Emulator.DynamoDb.Model;

/// <summary>
/// Signals a request body whose JSON shape DynamoDB cannot deserialize, sent as
/// <c>com.amazon.coral.service#SerializationException</c> with DynamoDB's exact message.
/// </summary>
internal sealed class DynamoSerializationException : Exception
{
    /// <summary>Initializes a new instance with DynamoDB's exact message.</summary>
    /// <param name="message">The message the client receives.</param>
    public DynamoSerializationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with no message (prefer the message constructor).</summary>
    public DynamoSerializationException()
    {
    }

    /// <summary>Initializes a new instance wrapping another exception.</summary>
    /// <param name="message">The message the client receives.</param>
    /// <param name="innerException">The cause.</param>
    public DynamoSerializationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
