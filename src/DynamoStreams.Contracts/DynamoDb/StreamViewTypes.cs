namespace DynamoStreams.Contracts.DynamoDb;

/// <summary>Names DynamoDB's <c>StreamViewType</c> values as the API (and CDK's enum members) spell them.</summary>
public static class StreamViewTypes
{
    /// <summary>The item before and after the change.</summary>
    public const string NewAndOldImages = "NEW_AND_OLD_IMAGES";

    /// <summary>The item after the change.</summary>
    public const string NewImage = "NEW_IMAGE";

    /// <summary>The item before the change.</summary>
    public const string OldImage = "OLD_IMAGE";

    /// <summary>Only the key attributes.</summary>
    public const string KeysOnly = "KEYS_ONLY";

    /// <summary>Gets every stream view type, in the order DynamoDB lists them in its validation messages.</summary>
    public static IReadOnlyList<string> All { get; } = [KeysOnly, NewImage, OldImage, NewAndOldImages];
}
