using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.SQS;
using DynamoStreams.Construct.Merging;
using DynamoStreams.Contracts.Pattern;

namespace DynamoStreams.Construct.Defaults;

/// <summary>Builds the event-source props from the seed's defaults (<see cref="SeedDefaults"/>), with the DLQ as on-failure destination.</summary>
internal static class EventSourceDefaults
{
    /// <summary>Creates the defaults, with <paramref name="deadLetterQueue"/> (when given) as the on-failure destination.</summary>
    public static DynamoEventSourceProps Create(IQueue? deadLetterQueue) => new()
    {
        StartingPosition = Enum.Parse<StartingPosition>(SeedDefaults.StartingPosition),
        BisectBatchOnError = SeedDefaults.BisectBatchOnError,
        MaxRecordAge = Duration.Hours(SeedDefaults.MaxRecordAge.TotalHours),
        RetryAttempts = SeedDefaults.RetryAttempts,
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
