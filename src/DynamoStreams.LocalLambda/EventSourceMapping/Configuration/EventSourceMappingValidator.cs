using System.Globalization;
using System.Text.RegularExpressions;
using DynamoStreams.Contracts.EventSourceMapping;
using DynamoStreams.LocalLambda.EventSourceMapping.Errors;
using DynamoStreams.LocalLambda.EventSourceMapping.Filtering;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Configuration;

/// <summary>
/// Validates <see cref="EventSourceMappingOptions"/> the way AWS Lambda validates <c>CreateEventSourceMapping</c>:
/// first the API model's ranges (all violations in one <see cref="LambdaValidationException"/>), then the service's
/// own rules (<see cref="InvalidParameterValueException"/>), and applies AWS's defaults.
/// </summary>
public static partial class EventSourceMappingValidator
{
    /// <summary>Validates the options and applies AWS's defaults.</summary>
    /// <param name="options">The mapping's parameters.</param>
    /// <returns>The resolved configuration.</returns>
    /// <exception cref="LambdaValidationException">A value is outside the API model's range.</exception>
    /// <exception cref="InvalidParameterValueException">A value breaks one of Lambda's rules for DynamoDB streams.</exception>
    public static EventSourceMappingConfiguration Validate(EventSourceMappingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateModelConstraints(options);

        var (region, account) = ParseStreamArn(options.EventSourceArn);
        var functionName = ParseFunctionName(options.FunctionName!, region, account);
        var startingPosition = options.StartingPosition switch
        {
            StartingPositions.TrimHorizon => StartingPosition.TrimHorizon,
            StartingPositions.Latest => StartingPosition.Latest,
            null => throw new InvalidParameterValueException(
                $"StartingPosition is required for a DynamoDB stream event source. Set it to {StartingPositions.TrimHorizon} or {StartingPositions.Latest}."),
            _ => throw new InvalidParameterValueException(
                $"Unsupported starting position for a DynamoDB stream event source: {options.StartingPosition}. Use {StartingPositions.TrimHorizon} or {StartingPositions.Latest}."),
        };

        // The API model admits 0 to 59; the service does not.
        var maxAge = options.MaximumRecordAgeInSeconds ?? EventSourceMappingDefaults.MaximumRecordAgeInSeconds;
        if (!EventSourceMappingRanges.MaximumRecordAgeInSeconds.Contains(maxAge))
        {
            throw new InvalidParameterValueException(EventSourceMappingRanges.RecordAgeServiceRule);
        }

        var destination = options.DestinationConfig?.OnFailure?.Destination;
        if (destination is not null)
        {
            ValidateDestination(destination);
        }

        var patterns = ValidateFilters(options.FilterCriteria);

        return new EventSourceMappingConfiguration
        {
            Uuid = options.Uuid ?? Guid.NewGuid().ToString(),
            EventSourceArn = options.EventSourceArn!,
            FunctionName = options.FunctionName!,
            FunctionShortName = functionName.Name,
            FunctionArn = functionName.Arn,
            StartingPosition = startingPosition,
            BatchSize = options.BatchSize ?? EventSourceMappingDefaults.BatchSize,
            MaximumBatchingWindowInSeconds = options.MaximumBatchingWindowInSeconds ?? EventSourceMappingDefaults.MaximumBatchingWindowInSeconds,
            Enabled = options.Enabled ?? EventSourceMappingDefaults.Enabled,
            BisectBatchOnFunctionError = options.BisectBatchOnFunctionError ?? EventSourceMappingDefaults.BisectBatchOnFunctionError,
            MaximumRetryAttempts = options.MaximumRetryAttempts ?? EventSourceMappingDefaults.MaximumRetryAttempts,
            MaximumRecordAgeInSeconds = maxAge,
            ParallelizationFactor = options.ParallelizationFactor ?? EventSourceMappingDefaults.ParallelizationFactor,
            OnFailureDestination = destination,
            TumblingWindowInSeconds = options.TumblingWindowInSeconds ?? EventSourceMappingDefaults.TumblingWindowInSeconds,
            ReportBatchItemFailures = options.FunctionResponseTypes?.Contains(FunctionResponseTypes.ReportBatchItemFailures) ?? false,
            FilterPatterns = patterns.Select(p => p.Source).ToArray(),
            Filters = new FilterSet(patterns),
            Metrics = options.MetricsConfig?.Metrics?.ToArray() ?? [],
            Region = region,
            AccountId = account,
        };
    }

    private static void ValidateModelConstraints(EventSourceMappingOptions options)
    {
        var errors = new List<string>();
        Range(errors, options.BatchSize, EventSourceMappingRanges.BatchSize);
        Range(errors, options.MaximumBatchingWindowInSeconds, EventSourceMappingRanges.MaximumBatchingWindowInSeconds);
        Range(errors, options.MaximumRetryAttempts, EventSourceMappingRanges.MaximumRetryAttempts);
        Range(errors, options.MaximumRecordAgeInSeconds, EventSourceMappingRanges.MaximumRecordAgeInSeconds);
        Range(errors, options.ParallelizationFactor, EventSourceMappingRanges.ParallelizationFactor);
        Range(errors, options.TumblingWindowInSeconds, EventSourceMappingRanges.TumblingWindowInSeconds);

        if (options.FunctionName is null)
        {
            errors.Add("Value null at 'functionName' failed to satisfy constraint: Member must not be null");
        }
        else if (options.FunctionName.Length is 0 or > 140)
        {
            errors.Add($"Value '{options.FunctionName}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 140 and greater than or equal to 1");
        }
        else if (!FunctionNamePattern().IsMatch(options.FunctionName))
        {
            errors.Add($"Value '{options.FunctionName}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: {FunctionNamePattern()}");
        }

        if (options.EventSourceArn is not null && !ArnPattern().IsMatch(options.EventSourceArn))
        {
            errors.Add($"Value '{options.EventSourceArn}' at 'eventSourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern: {ArnPattern()}");
        }

        if (options.StartingPosition is not null and not (StartingPositions.TrimHorizon or StartingPositions.Latest or StartingPositions.AtTimestamp))
        {
            errors.Add($"Value '{options.StartingPosition}' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set: [{StartingPositions.TrimHorizon}, {StartingPositions.AtTimestamp}, {StartingPositions.Latest}]");
        }

        if (options.FunctionResponseTypes is { } types)
        {
            if (types.Count > 1)
            {
                errors.Add($"Value '[{string.Join(", ", types)}]' at 'functionResponseTypes' failed to satisfy constraint: Member must have length less than or equal to 1");
            }

            errors.AddRange(types
                .Where(t => t != FunctionResponseTypes.ReportBatchItemFailures)
                .Select(t => $"Value '[{string.Join(", ", types)}]' at 'functionResponseTypes' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [ReportBatchItemFailures]]"));
        }

        if (options.MetricsConfig?.Metrics is { } metrics)
        {
            errors.AddRange(metrics
                .Where(m => m is not (MappingMetrics.EventCount or MappingMetrics.ErrorCount or MappingMetrics.KafkaMetrics))
                .Select(m => $"Value '[{string.Join(", ", metrics)}]' at 'metricsConfig.metrics' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [{MappingMetrics.EventCount}, {MappingMetrics.ErrorCount}, {MappingMetrics.KafkaMetrics}]]"));
        }

        if (errors.Count > 0)
        {
            var noun = errors.Count == 1 ? "error" : "errors";
            throw new LambdaValidationException(
                $"{errors.Count.ToString(CultureInfo.InvariantCulture)} validation {noun} detected: {string.Join("; ", errors)}");
        }
    }

    private static void Range(List<string> errors, int? value, EventSourceMappingRange range)
    {
        if (value is { } v && range.ModelViolation(v) is { } violation)
        {
            errors.Add(violation);
        }
    }

    private static (string Region, string Account) ParseStreamArn(string? arn)
    {
        if (arn is null)
        {
            throw new InvalidParameterValueException(
                "EventSourceArn is required: set it to the ARN of the table's stream (arn:aws:dynamodb:<region>:<account>:table/<table>/stream/<label>).");
        }

        var match = StreamArnPattern().Match(arn);
        if (!match.Success)
        {
            throw new InvalidParameterValueException(
                $"Unrecognized event source, must be a DynamoDB stream ARN (arn:aws:dynamodb:<region>:<account>:table/<table>/stream/<label>): {arn}");
        }

        return (match.Groups["region"].Value, match.Groups["account"].Value);
    }

    private static (string Name, string Arn) ParseFunctionName(string functionName, string region, string account)
    {
        var parts = functionName.Split(':');
        var name = parts.Length switch
        {
            1 or 2 => parts[0], // name, or name:qualifier
            3 when parts[1] == "function" => parts[2], // account:function:name
            4 when parts[1] == "function" => parts[2], // account:function:name:qualifier
            >= 7 when parts[0] == "arn" && parts[5] == "function" => parts[6], // full ARN, maybe qualified
            _ => throw new InvalidParameterValueException(
                $"FunctionName '{functionName}' is not a function name, ARN or partial ARN."),
        };

        if (parts is ["arn", _, _, var arnRegion, var arnAccount, ..])
        {
            region = arnRegion;
            account = arnAccount;
        }

        return (name, $"arn:aws:lambda:{region}:{account}:function:{name}");
    }

    private static void ValidateDestination(string destination)
    {
        var match = DestinationArnPattern().Match(destination);
        if (!match.Success)
        {
            throw new InvalidParameterValueException(
                $"The provided destination config DestinationConfig.OnFailure.Destination is invalid: '{destination}' is not an SQS queue or SNS topic ARN (arn:aws:sqs:<region>:<account>:<queue>).");
        }

        if (destination.EndsWith(".fifo", StringComparison.Ordinal))
        {
            throw new InvalidParameterValueException(
                $"The provided destination config DestinationConfig.OnFailure.Destination is invalid: FIFO destinations are not supported for stream event sources; use a standard queue or topic instead of '{destination}'.");
        }
    }

    private static List<FilterPattern> ValidateFilters(FilterCriteria? criteria)
    {
        var filters = criteria?.Filters ?? [];
        if (filters.Count > EventSourceMappingRanges.MaximumFilters)
        {
            throw new InvalidParameterValueException(
                $"The number of filters in FilterCriteria ({filters.Count.ToString(CultureInfo.InvariantCulture)}) exceeds the limit of {EventSourceMappingRanges.MaximumFilters.ToString(CultureInfo.InvariantCulture)}. Combine patterns with $or or request a quota increase.");
        }

        var patterns = new List<FilterPattern>(filters.Count);
        foreach (var filter in filters)
        {
            if (filter?.Pattern is null)
            {
                throw new InvalidParameterValueException("Invalid filter pattern definition. Each filter needs a Pattern.");
            }

            try
            {
                patterns.Add(FilterPattern.Parse(filter.Pattern));
            }
            catch (FilterPatternException ex)
            {
                throw new InvalidParameterValueException($"Invalid filter pattern definition. {ex.Message}");
            }
        }

        return patterns;
    }

    [GeneratedRegex(@"^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?$")]
    private static partial Regex FunctionNamePattern();

    [GeneratedRegex(@"^arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\-])+:([a-z]{2}(-gov)?-[a-z]+-\d{1})?:(\d{12})?:(.*)$")]
    private static partial Regex ArnPattern();

    [GeneratedRegex(@"^arn:aws[a-zA-Z0-9-]*:dynamodb:(?<region>[a-z0-9-]+):(?<account>\d{12}):table/[a-zA-Z0-9_.-]{3,255}/stream/.+$")]
    private static partial Regex StreamArnPattern();

    [GeneratedRegex(@"^arn:aws[a-zA-Z0-9-]*:(sqs|sns):[a-z0-9-]+:\d{12}:[a-zA-Z0-9_.-]{1,256}$")]
    private static partial Regex DestinationArnPattern();
}
