using DynamoStreams.Contracts.DynamoDb;
using DynamoStreams.Contracts.EventSourceMapping;

namespace DynamoStreams.Contracts.Pattern;

/// <summary>
/// Lists the defaults of the <c>aws-dynamodbstreams-lambda</c> Solutions Construct (its README's), which both the
/// C# construct and the Aspire declaration start from.
/// </summary>
public static class SeedDefaults
{
    /// <summary>The default starting position: <see cref="StartingPositions.TrimHorizon"/>.</summary>
    public const string StartingPosition = StartingPositions.TrimHorizon;

    /// <summary>The default <c>bisectBatchOnError</c>: true.</summary>
    public const bool BisectBatchOnError = true;

    /// <summary>The default <c>retryAttempts</c>: 500.</summary>
    public const int RetryAttempts = 500;

    /// <summary>The default table partition key name: <c>id</c> (a string).</summary>
    public const string PartitionKeyName = "id";

    /// <summary>The default stream view type: <see cref="StreamViewTypes.NewAndOldImages"/>.</summary>
    public const string StreamViewType = StreamViewTypes.NewAndOldImages;

    /// <summary>The default billing mode: <see cref="BillingModes.PayPerRequest"/>.</summary>
    public const string BillingMode = BillingModes.PayPerRequest;

    /// <summary>The default point-in-time recovery: on.</summary>
    public const bool PointInTimeRecovery = true;

    /// <summary>Gets the default <c>maxRecordAge</c>: 24 hours.</summary>
    public static TimeSpan MaxRecordAge { get; } = TimeSpan.FromHours(24);
}
