namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Names the DynamoDB Local image <see cref="DynamoDBLocalResource"/> runs; change it with <c>WithImageTag</c> in the
/// <c>RunWithDynamoDBLocal</c> callback.
/// </summary>
public static class DynamoDBLocalContainerImageTags
{
    /// <summary>The registry: <c>docker.io</c>.</summary>
    public const string Registry = "docker.io";

    /// <summary>The image: <c>amazon/dynamodb-local</c>.</summary>
    public const string Image = "amazon/dynamodb-local";

    /// <summary>The tag: <c>3.1.0</c>.</summary>
    public const string Tag = "3.1.0";
}
