namespace DynamoStreams.LocalLambda.EventSourceMapping.Errors;

/// <summary>Reports a rejected event-source-mapping request with the error code and message AWS Lambda gives.</summary>
public abstract class LambdaServiceException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="message">The message, as AWS words it.</param>
    protected LambdaServiceException(string message)
        : base(message)
    {
    }

    /// <summary>Gets AWS's error code (the exception's <c>__type</c>).</summary>
    public abstract string ErrorCode { get; }
}
