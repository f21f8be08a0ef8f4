namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Lists what a stream record carries (CDK's <c>StreamViewType</c>).
/// </summary>
public enum DynamoStreamViewType
{
    /// <summary>The item before and after the change (the seed's default, <c>NEW_AND_OLD_IMAGES</c>).</summary>
    NewAndOldImages,

    /// <summary>The item after the change (<c>NEW_IMAGE</c>).</summary>
    NewImage,

    /// <summary>The item before the change (<c>OLD_IMAGE</c>).</summary>
    OldImage,

    /// <summary>Only the key attributes (<c>KEYS_ONLY</c>).</summary>
    KeysOnly,
}
