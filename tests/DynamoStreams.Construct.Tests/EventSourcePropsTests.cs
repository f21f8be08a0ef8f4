using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using DynamoStreams.Construct.Tests.Infrastructure;

namespace DynamoStreams.Construct.Tests;

public class EventSourcePropsTests
{
    private const string MappingType = "AWS::Lambda::EventSourceMapping";

    private static Template SynthWith(DynamoEventSourceProps eventSourceProps)
    {
        var props = Stacks.DefaultProps();
        props.DynamoEventSourceProps = eventSourceProps;
        return Stacks.Synth(props);
    }

    [Fact]
    public void EventSourceProps_BatchAndPosition_OverrideDefaultsAndKeepFailureHandling()
    {
        // spec construct.md Merge: user values win, unset values keep the default
        SynthWith(new DynamoEventSourceProps
        {
            StartingPosition = StartingPosition.LATEST,
            BatchSize = 25,
            MaxBatchingWindow = Duration.Seconds(5),
            ParallelizationFactor = 4,
            TumblingWindow = Duration.Seconds(60),
            Enabled = false,
        }).HasProperties(MappingType, """
            {
              "StartingPosition": "LATEST",
              "BatchSize": 25,
              "MaximumBatchingWindowInSeconds": 5,
              "ParallelizationFactor": 4,
              "TumblingWindowInSeconds": 60,
              "Enabled": false,
              "BisectBatchOnFunctionError": true,
              "MaximumRecordAgeInSeconds": 86400,
              "MaximumRetryAttempts": 500
            }
            """);
    }

    [Fact]
    public void EventSourceProps_FailureHandling_OverridesDefaults()
    {
        // spec construct.md Merge: durations and numbers replace the default whole
        SynthWith(new DynamoEventSourceProps
        {
            BisectBatchOnError = false,
            MaxRecordAge = Duration.Hours(1),
            RetryAttempts = 3,
        }).HasProperties(MappingType, """
            { "BisectBatchOnFunctionError": false, "MaximumRecordAgeInSeconds": 3600, "MaximumRetryAttempts": 3 }
            """);
    }

    [Fact]
    public void EventSourceProps_RetryAttemptsMinusOne_WritesAwsInfiniteRetries()
    {
        // spec construct.md Validation: retries -1 (AWS's "until the record expires"), accepted by CDK since 2.160
        SynthWith(new DynamoEventSourceProps { RetryAttempts = -1 }).HasResourceProperties(MappingType, new Dictionary<string, object>
        {
            ["MaximumRetryAttempts"] = -1d,
            ["MaximumRecordAgeInSeconds"] = 86400d,
        });
    }

    [Fact]
    public void EventSourceProps_FiltersBuiltWithFilterCriteria_ReachFilterCriteria()
    {
        // spec construct.md Notes: filters built with FilterCriteria.Filter(...) reach the template
        var filter = FilterCriteria.Filter(new Dictionary<string, object>
        {
            ["eventName"] = FilterRule.IsEqual("INSERT"),
            ["dynamodb"] = new Dictionary<string, object>
            {
                ["NewImage"] = new Dictionary<string, object>
                {
                    ["status"] = new Dictionary<string, object> { ["S"] = FilterRule.IsEqual("PLACED") },
                },
            },
        });
        SynthWith(new DynamoEventSourceProps { Filters = [filter] }).HasProperties(MappingType, """
            {
              "FilterCriteria": {
                "Filters": [
                  { "Pattern": "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[\"PLACED\"]}}}}" }
                ]
              }
            }
            """);
    }

    [Fact]
    public void EventSourceProps_ReportBatchItemFailures_SetsFunctionResponseTypes()
    {
        // spec construct.md Props: DynamoEventSourceProps deep-merged (partial batch responses)
        SynthWith(new DynamoEventSourceProps { ReportBatchItemFailures = true })
            .HasProperties(MappingType, """{ "FunctionResponseTypes": [ "ReportBatchItemFailures" ] }""");
    }
}
