namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Lists where a pattern's function code comes from.
/// </summary>
public enum LambdaHandlerKind
{
    /// <summary>A .NET project that runs the Lambda Runtime API loop (an executable, e.g. one linking DynamoStreams.Lambda).</summary>
    Project,

    /// <summary>A Node.js code folder with a <c>file.export</c> handler such as <c>index.handler</c> (the seed's example).</summary>
    NodeCode,

    /// <summary>A function that already exists in AWS, by name or ARN (the seed's <c>existingLambdaObj</c>). Cloud-only.</summary>
    ExistingFunction,
}
