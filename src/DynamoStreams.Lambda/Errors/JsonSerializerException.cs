namespace DynamoStreams.Lambda;

/// <summary>
/// Represents a failure to read the event JSON into the handler's type or to write its response as JSON. Reported
/// to Lambda with <c>errorType</c> <c>JsonSerializerException</c>, as <c>Amazon.Lambda.Serialization.SystemTextJson</c> does.
/// </summary>
public sealed class JsonSerializerException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="JsonSerializerException"/> class.</summary>
    public JsonSerializerException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="JsonSerializerException"/> class.</summary>
    /// <param name="message">What failed to convert.</param>
    public JsonSerializerException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="JsonSerializerException"/> class.</summary>
    /// <param name="message">What failed to convert.</param>
    /// <param name="innerException">The serializer's exception.</param>
    public JsonSerializerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
