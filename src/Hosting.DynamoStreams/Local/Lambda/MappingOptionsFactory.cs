using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Extensibility;
using DynamoStreams.Contracts.EventSourceMapping;
using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;

namespace Aspire.Hosting.DynamoStreams.Local.Lambda;

/// <summary>
/// Maps the declaration's event-source options onto the engine's <c>CreateEventSourceMapping</c> parameters.
/// </summary>
internal static class MappingOptionsFactory
{
    /// <summary>
    /// Creates the mapping options. The UUID is derived from the pattern name so checkpoints on disk resume after a restart.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="streamArn">The stream to read.</param>
    /// <param name="deadLetterQueueArn">The on-failure destination, or null.</param>
    /// <returns>The options.</returns>
    public static EventSourceMappingOptions Create(DynamoStreamsLambdaResource pattern, string streamArn, string? deadLetterQueueArn)
    {
        var e = pattern.EventSource;
        return new EventSourceMappingOptions
        {
            Uuid = StableUuid(pattern.Name),
            EventSourceArn = streamArn,
            FunctionName = pattern.LocalFunctionName,
            StartingPosition = e.StartingPosition.ToWireName(),
            BatchSize = e.BatchSize,
            MaximumBatchingWindowInSeconds = e.MaxBatchingWindow is { } window ? (int)window.TotalSeconds : null,
            Enabled = e.Enabled,
            BisectBatchOnFunctionError = e.BisectBatchOnError,
            MaximumRetryAttempts = Unlimited.ToWire(e.RetryAttempts),
            MaximumRecordAgeInSeconds = Unlimited.ToWireSeconds(e.MaxRecordAge),
            ParallelizationFactor = e.ParallelizationFactor,
            TumblingWindowInSeconds = e.TumblingWindow is { } tumbling ? (int)tumbling.TotalSeconds : null,
            FunctionResponseTypes = e.ReportBatchItemFailures ? [FunctionResponseTypes.ReportBatchItemFailures] : null,
            FilterCriteria = e.Filters.Count == 0 ? null : new FilterCriteria { Filters = [.. e.Filters.Select(p => new Filter { Pattern = p })] },
            DestinationConfig = deadLetterQueueArn is null ? null : new DestinationConfig { OnFailure = new OnFailure { Destination = deadLetterQueueArn } },
        };
    }

    private static string StableUuid(string patternName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("dynamostreams-mapping:" + patternName))[..16];
        return new Guid(hash).ToString();
    }
}
