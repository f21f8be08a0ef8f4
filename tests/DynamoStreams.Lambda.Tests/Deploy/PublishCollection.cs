namespace DynamoStreams.Lambda.Tests.Deploy;

/// <summary>
/// Runs the test classes that publish src/Handler.Sample one after the other: concurrent publishes of one project
/// graph would restore into the same files.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PublishCollection
{
    public const string Name = "Handler.Sample publishes";
}
