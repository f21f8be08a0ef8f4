namespace DynamoStreams.LocalLambda.EventSourceMapping.Errors;

/// <summary>Reports a parameter that AWS Lambda rejects as <c>InvalidParameterValueException</c> (HTTP 400).</summary>
public sealed class InvalidParameterValueException : LambdaServiceException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="message">The message, as AWS words it.</param>
    public InvalidParameterValueException(string message)
        : base(message)
    {
    }

    /// <inheritdoc />
    public override string ErrorCode => "InvalidParameterValueException";
}
