using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Extensibility;
using DynamoStreams.Contracts.EventSourceMapping;

namespace Aspire.Hosting.DynamoStreams.Cdk.Mapping;

/// <summary>Maps the declaration's event-source options to CDK event-source props and CloudFormation overrides.</summary>
internal static class EventSourceMapper
{
    private const string MappingType = "AWS::Lambda::EventSourceMapping";

    /// <summary>Maps the options to CDK props.</summary>
    /// <param name="source">The declared event source.</param>
    /// <param name="disabled">Creates the mapping disabled whatever the declaration says (the AWS run mode's local handler).</param>
    /// <returns>The props.</returns>
    public static DynamoEventSourceProps ToProps(DynamoEventSourceOptions source, bool disabled = false)
    {
        var props = new DynamoEventSourceProps
        {
            StartingPosition = Enum.Parse<StartingPosition>(source.StartingPosition.ToWireName()),
            BatchSize = source.BatchSize,
            BisectBatchOnError = source.BisectBatchOnError,
        };

        // CDK writes these only when set; true is the mapping's default, so only a change is written.
        if (source.ReportBatchItemFailures)
        {
            props.ReportBatchItemFailures = true;
        }

        if (!source.Enabled || disabled)
        {
            props.Enabled = false;
        }

        if (source.MaxBatchingWindow is { } window)
        {
            props.MaxBatchingWindow = Duration.Seconds(window.TotalSeconds);
        }

        // An unlimited age is outside what a CDK Duration can say; ApplyOverrides writes it.
        if (source.MaxRecordAge is { } age)
        {
            props.MaxRecordAge = Duration.Seconds(age.TotalSeconds);
        }

        // Unset means AWS's unlimited retries, which CDK accepts; the construct's own default must not apply.
        props.RetryAttempts = Unlimited.ToWire(source.RetryAttempts);

        if (source.ParallelizationFactor is { } factor)
        {
            props.ParallelizationFactor = factor;
        }

        if (source.TumblingWindow is { } tumbling)
        {
            props.TumblingWindow = Duration.Seconds(tumbling.TotalSeconds);
        }

        if (source.Filters.Count > 0)
        {
            props.Filters = [.. source.Filters.Select(f => FilterCriteria.Filter(ParseObject(f)))];
        }

        return props;
    }

    /// <summary>Writes what the CDK props cannot express onto the mapping's CloudFormation resource.</summary>
    public static void ApplyOverrides(Stack stack, DynamoEventSourceOptions source)
    {
        var maxRecordAge = Unlimited.ToWireSeconds(source.MaxRecordAge);
        var unlimitedAge = Unlimited.IsUnlimited(maxRecordAge);
        if (!unlimitedAge && source.MetricsConfig.Count == 0)
        {
            return;
        }

        var mapping = stack.Node.FindAll().OfType<CfnResource>().Single(r => r.CfnResourceType == MappingType);
        if (unlimitedAge)
        {
            mapping.AddPropertyOverride("MaximumRecordAgeInSeconds", maxRecordAge);
        }

        if (source.MetricsConfig.Count > 0)
        {
            // The declaration holds Lambda's metric names as strings, which the template takes as they are.
            mapping.AddPropertyOverride("MetricsConfig.Metrics", source.MetricsConfig.ToArray());
        }
    }

    private static Dictionary<string, object> ParseObject(string json)
    {
        using var document = JsonDocument.Parse(json);
        return (Dictionary<string, object>)Convert(document.RootElement);
    }

    private static object Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Convert(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToArray(),
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,

        // The validator accepts null in patterns ({"x":[null]}); jsii has no null element, so keep the JSON literal out.
        _ => throw new NotSupportedException($"The filter pattern value {element.GetRawText()} cannot be passed to FilterCriteria.Filter."),
    };
}
