using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using DynamoStreams.Contracts.EventSourceMapping;

namespace Aspire.Hosting.DynamoStreams.Validation;

/// <summary>
/// Checks a pattern's declaration when the AppHost is built: every message names the option and the fix, quoting
/// the seed construct's or CDK's own message where one applies.
/// </summary>
internal static partial class DynamoStreamsLambdaValidator
{
    /// <summary>
    /// Validates the whole declaration.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <exception cref="DistributedApplicationException">The declaration is invalid.</exception>
    public static void Validate(DynamoStreamsLambdaResource pattern)
    {
        ValidateSources(pattern);
        DynamoTableValidator.Validate(pattern);
        ValidateEventSource(pattern);
        LambdaFunctionValidator.Validate(pattern);
        ValidateDeadLetterQueue(pattern);
        SeedDataValidator.Validate(pattern);
    }

    /// <summary>
    /// Creates the exception for an invalid option of a pattern.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <returns>The exception.</returns>
    internal static DistributedApplicationException Fail(DynamoStreamsLambdaResource pattern, string message) =>
        new($"DynamoStreams pattern '{pattern.Name}': {message}");

    private static void ValidateSources(DynamoStreamsLambdaResource pattern)
    {
        if (pattern.ExistingTable is { } existing)
        {
            if (pattern.TableConfigured)
            {
                throw Fail(pattern, "Error - Either provide existingTableInterface or dynamoTableProps, but not both. "
                    + "WithTable(...) and WithExistingTable(...) were both called: keep WithTable to create a table, or WithExistingTable to consume one.");
            }

            if (existing.Pattern is { } owner)
            {
                if (ReferenceEquals(owner, pattern) || owner.ExistingTable?.Pattern is { } o && ReferenceEquals(o, pattern))
                {
                    throw Fail(pattern, "WithExistingTable(pattern) refers back to this pattern: pass the pattern that creates the table.");
                }
            }
            else
            {
                if (existing.TableName is not null && existing.TableArn is not null)
                {
                    throw Fail(pattern, "Only one of tableArn or tableName can be provided. WithExistingTable received both: keep one.");
                }

                if (existing.TableName is null && existing.TableArn is null)
                {
                    throw Fail(pattern, "One of tableName or tableArn is required! Pass the existing table's name or ARN to WithExistingTable.");
                }

                if (existing.TableArn is { } arn && !TableArnRegex().IsMatch(arn))
                {
                    throw Fail(pattern, $"ARN for DynamoDB table must be in the form: arn:aws:dynamodb:<region>:<account>:table/<name> (WithExistingTable got '{arn}').");
                }

                if (string.IsNullOrEmpty(existing.TableStreamArn))
                {
                    throw Fail(pattern, $"DynamoDB Streams must be enabled on the table {existing.ResolvedTableName}. "
                        + "WithExistingTable needs the table's stream ARN (tableStreamArn) so the mapping can read it: pass streamArn: \"arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>\".");
                }

                if (!StreamArnRegex().IsMatch(existing.TableStreamArn))
                {
                    throw Fail(pattern, $"The stream ARN '{existing.TableStreamArn}' given to WithExistingTable is not a DynamoDB stream ARN: it must look like arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>.");
                }
            }
        }

        if (pattern.Handler.Kind == LambdaHandlerKind.ExistingFunction && pattern.Function.IsCustomized)
        {
            throw Fail(pattern, "Error - Either provide lambdaFunctionProps or existingLambdaObj, but not both. "
                + "The handler is an existing function (LambdaHandler.FromExistingFunction) and WithFunction(...) also set function props: configure the existing function in AWS, or use code you deploy (FromProject/FromNodeCode).");
        }
    }

    private static void ValidateEventSource(DynamoStreamsLambdaResource pattern)
    {
        var e = pattern.EventSource;
        if (!EventSourceMappingRanges.BatchSize.Contains(e.BatchSize))
        {
            throw Fail(pattern, $"{EventSourceMappingRanges.BatchSize.Describe(e.BatchSize)}. Set EventSource.BatchSize within that range.");
        }

        var batchingWindow = EventSourceMappingRanges.MaximumBatchingWindowInSeconds;
        if (e.MaxBatchingWindow is { } window && !batchingWindow.ContainsSeconds(window.TotalSeconds))
        {
            throw Fail(pattern, $"{batchingWindow.Describe(Seconds(window))}. Set EventSource.MaxBatchingWindow between {batchingWindow.Minimum} and {batchingWindow.Maximum} seconds.");
        }

        // null is the declaration's "until the record expires"; a TimeSpan cannot spell the wire's -1.
        var recordAge = EventSourceMappingRanges.MaximumRecordAgeInSeconds;
        if (e.MaxRecordAge is { } age && !recordAge.ContainsSeconds(age.TotalSeconds))
        {
            throw Fail(pattern, $"{recordAge.Describe(Seconds(age))}. Set EventSource.MaxRecordAge in that range, or null to keep records until they expire.");
        }

        if (e.RetryAttempts is { } retries && !EventSourceMappingRanges.MaximumRetryAttempts.Contains(retries))
        {
            throw Fail(pattern, $"{EventSourceMappingRanges.MaximumRetryAttempts.Describe(retries)}. Set EventSource.RetryAttempts in that range, or {Unlimited.Value} (or null) to retry until the record expires.");
        }

        if (e.ParallelizationFactor is { } factor && !EventSourceMappingRanges.ParallelizationFactor.Contains(factor))
        {
            throw Fail(pattern, $"{EventSourceMappingRanges.ParallelizationFactor.Describe(factor)}. Set EventSource.ParallelizationFactor in that range.");
        }

        var tumblingWindow = EventSourceMappingRanges.TumblingWindowInSeconds;
        if (e.TumblingWindow is { } tumbling && !tumblingWindow.ContainsSeconds(tumbling.TotalSeconds))
        {
            throw Fail(pattern, $"{tumblingWindow.Describe(Seconds(tumbling))}. Set EventSource.TumblingWindow between {tumblingWindow.Minimum} and {tumblingWindow.Maximum} seconds.");
        }

        if (e.Filters.Count > EventSourceMappingRanges.MaximumFilters)
        {
            throw Fail(pattern, $"EventSource.Filters has {e.Filters.Count} patterns; a mapping accepts at most {EventSourceMappingRanges.MaximumFilters}. Merge patterns with \"$or\" or array values.");
        }

        foreach (var filter in e.Filters)
        {
            ValidateFilter(pattern, filter);
        }

        foreach (var metric in e.MetricsConfig)
        {
            if (metric is not (MappingMetrics.EventCount or MappingMetrics.ErrorCount))
            {
                throw Fail(pattern, $"EventSource.MetricsConfig contains '{metric}': a DynamoDB mapping supports '{MappingMetrics.EventCount}' and '{MappingMetrics.ErrorCount}'.");
            }
        }
    }

    private static void ValidateFilter(DynamoStreamsLambdaResource pattern, string filter)
    {
        try
        {
            using var document = JsonDocument.Parse(filter);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Fail(pattern, $"The filter pattern {filter} in EventSource.Filters is not a JSON object: write it as {{\"eventName\":[\"INSERT\"]}}.");
            }
        }
        catch (JsonException ex)
        {
            throw Fail(pattern, $"The filter pattern {filter} in EventSource.Filters is not valid JSON ({ex.Message}): write it as {{\"eventName\":[\"INSERT\"]}}.");
        }
    }

    private static void ValidateDeadLetterQueue(DynamoStreamsLambdaResource pattern)
    {
        if (!pattern.DeploySqsDlqQueue)
        {
            if (pattern.DeadLetterQueueConfigured)
            {
                throw Fail(pattern, "WithDeadLetterQueue(...) configured the queue and WithoutDeadLetterQueue() turned it off (deploySqsDlqQueue: false): keep one of them.");
            }

            return;
        }

        var q = pattern.DeadLetterQueue;
        if (q.QueueName is { } name)
        {
            if (name.EndsWith(".fifo", StringComparison.Ordinal))
            {
                throw Fail(pattern, $"DeadLetterQueue.QueueName '{name}' is a FIFO queue; a stream mapping's on-failure destination must be a standard queue. Remove the '.fifo' suffix.");
            }

            if (!QueueNameRegex().IsMatch(name))
            {
                throw Fail(pattern, $"DeadLetterQueue.QueueName '{name}' is invalid: use 1 to 80 letters, digits, hyphens or underscores.");
            }
        }

        CheckRange(pattern, "DeadLetterQueue.RetentionPeriod", q.RetentionPeriod, TimeSpan.FromSeconds(60), TimeSpan.FromDays(14), "60 seconds and 14 days");
        CheckRange(pattern, "DeadLetterQueue.VisibilityTimeout", q.VisibilityTimeout, TimeSpan.Zero, TimeSpan.FromHours(12), "0 and 12 hours");
        CheckRange(pattern, "DeadLetterQueue.DeliveryDelay", q.DeliveryDelay, TimeSpan.Zero, TimeSpan.FromMinutes(15), "0 and 15 minutes");
        CheckRange(pattern, "DeadLetterQueue.ReceiveMessageWaitTime", q.ReceiveMessageWaitTime, TimeSpan.Zero, TimeSpan.FromSeconds(20), "0 and 20 seconds");
    }

    private static void CheckRange(DynamoStreamsLambdaResource pattern, string option, TimeSpan? value, TimeSpan min, TimeSpan max, string range)
    {
        if (value is { } v && (v < min || v > max))
        {
            throw Fail(pattern, $"{option} is {Seconds(v)} seconds; it must be between {range}.");
        }
    }

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^arn:aws[a-zA-Z-]*:dynamodb:[a-z0-9-]+:\d{12}:table/[a-zA-Z0-9_.-]{3,255}$")]
    private static partial Regex TableArnRegex();

    [GeneratedRegex(@"^arn:aws[a-zA-Z-]*:dynamodb:[a-z0-9-]+:\d{12}:table/[a-zA-Z0-9_.-]{3,255}/stream/.+$")]
    private static partial Regex StreamArnRegex();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex QueueNameRegex();
}
