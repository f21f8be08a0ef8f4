namespace DynamoStreams.LocalLambda.EventSourceMapping.Errors;

/// <summary>
/// Reports values outside the ranges of Lambda's API model, which AWS rejects as <c>ValidationException</c>
/// ("1 validation error detected: Value '11' at 'parallelizationFactor' failed to satisfy constraint: ...").
/// </summary>
public sealed class LambdaValidationException : LambdaServiceException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="message">The message, as AWS words it.</param>
    public LambdaValidationException(string message)
        : base(message)
    {
    }

    /// <inheritdoc />
    public override string ErrorCode => "ValidationException";
}
