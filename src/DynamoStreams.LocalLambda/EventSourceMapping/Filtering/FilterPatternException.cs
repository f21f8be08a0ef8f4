namespace DynamoStreams.LocalLambda.EventSourceMapping.Filtering;

/// <summary>Reports a filter pattern that is not valid in the EventBridge pattern language.</summary>
public sealed class FilterPatternException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What is wrong with the pattern and how to fix it.</param>
    public FilterPatternException(string message)
        : base(message)
    {
    }
}
