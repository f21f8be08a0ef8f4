using Aspire.Hosting.ApplicationModel;
using DynamoStreams.Contracts.DynamoDb;
using DynamoStreams.Contracts.EventSourceMapping;

namespace Aspire.Hosting.DynamoStreams.Extensibility;

/// <summary>
/// Maps the declaration's enums onto the AWS wire names (<see cref="StreamViewTypes"/>, <see cref="BillingModes"/>,
/// <see cref="StartingPositions"/>): the one mapping both the local run and the CDK stack read.
/// </summary>
public static class DynamoWireNames
{
    /// <summary>Returns the <c>StreamViewType</c> wire name of <paramref name="type"/>.</summary>
    /// <param name="type">The declared stream view type.</param>
    /// <returns>For example <c>NEW_AND_OLD_IMAGES</c>.</returns>
    public static string ToWireName(this DynamoStreamViewType type) => type switch
    {
        DynamoStreamViewType.NewImage => StreamViewTypes.NewImage,
        DynamoStreamViewType.OldImage => StreamViewTypes.OldImage,
        DynamoStreamViewType.KeysOnly => StreamViewTypes.KeysOnly,
        _ => StreamViewTypes.NewAndOldImages,
    };

    /// <summary>Returns the <c>BillingMode</c> wire name of <paramref name="mode"/>.</summary>
    /// <param name="mode">The declared billing mode.</param>
    /// <returns><c>PAY_PER_REQUEST</c> or <c>PROVISIONED</c>.</returns>
    public static string ToWireName(this DynamoBillingMode mode) =>
        mode == DynamoBillingMode.Provisioned ? BillingModes.Provisioned : BillingModes.PayPerRequest;

    /// <summary>Returns the <c>StartingPosition</c> wire name of <paramref name="position"/>.</summary>
    /// <param name="position">The declared starting position.</param>
    /// <returns><c>TRIM_HORIZON</c> or <c>LATEST</c>.</returns>
    public static string ToWireName(this DynamoStartingPosition position) =>
        position == DynamoStartingPosition.Latest ? StartingPositions.Latest : StartingPositions.TrimHorizon;

    /// <summary>Returns the stream view type whose wire name is <paramref name="wireName"/> (the mapping above, read backwards).</summary>
    internal static DynamoStreamViewType ParseStreamViewType(string wireName) =>
        Enum.GetValues<DynamoStreamViewType>().Single(t => t.ToWireName() == wireName);

    /// <summary>Returns the billing mode whose wire name is <paramref name="wireName"/>.</summary>
    internal static DynamoBillingMode ParseBillingMode(string wireName) =>
        Enum.GetValues<DynamoBillingMode>().Single(m => m.ToWireName() == wireName);

    /// <summary>Returns the starting position whose wire name is <paramref name="wireName"/>.</summary>
    internal static DynamoStartingPosition ParseStartingPosition(string wireName) =>
        Enum.GetValues<DynamoStartingPosition>().Single(p => p.ToWireName() == wireName);
}
