using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.SQS;
using DynamoStreams.Construct.Merging;

namespace DynamoStreams.Construct.Defaults;

/// <summary>Builds the event-source props: TRIM_HORIZON, bisect on error, 24 h record age, 500 retries, and the DLQ as on-failure destination.</summary>
internal static class EventSourceDefaults
{
    /// <summary>The default maximum record age, in hours.</summary>
    public const double MaxRecordAgeHours = 24;

    /// <summary>The default number of retries.</summary>
    public const double RetryAttempts = 500;

    /// <summary>Creates the defaults, with <paramref name="deadLetterQueue"/> (when given) as the on-failure destination.</summary>
    public static DynamoEventSourceProps Create(IQueue? deadLetterQueue) => new()
    {
        StartingPosition = StartingPosition.TRIM_HORIZON,
        BisectBatchOnError = true,
        MaxRecordAge = Duration.Hours(MaxRecordAgeHours),
        RetryAttempts = RetryAttempts,
        OnFailure = deadLetterQueue is null ? null : new SqsDlq(deadLetterQueue),
    };

    /// <summary>Returns the defaults merged with <paramref name="user"/>.</summary>
    /// <remarks>
    /// <see cref="IBaseStreamEventSourceProps.StartingPosition"/> is a non-nullable enum in .NET, so a user's props always
    /// carry one; its zero value is TRIM_HORIZON, the default.
    /// </remarks>
    public static DynamoEventSourceProps Build(IQueue? deadLetterQueue, IDynamoEventSourceProps? user)
    {
        return PropsMerger.Merge(Create(deadLetterQueue), user);
    }
}
