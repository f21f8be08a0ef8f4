using DynamoStreams.Construct.Tests.Infrastructure;

namespace DynamoStreams.Construct.Tests;

public class EventSourceDefaultsTests
{
    private const string MappingType = "AWS::Lambda::EventSourceMapping";

    [Fact]
    public void EventSource_NoProps_StartsAtTrimHorizon()
    {
        // spec construct.md Defaults: event source TRIM_HORIZON
        Stacks.Synth(Stacks.DefaultProps()).HasProperties(MappingType, """{ "StartingPosition": "TRIM_HORIZON" }""");
    }

    [Fact]
    public void EventSource_NoProps_BisectsOnError()
    {
        // spec construct.md Defaults: bisect on error
        Stacks.Synth(Stacks.DefaultProps()).HasProperties(MappingType, """{ "BisectBatchOnFunctionError": true }""");
    }

    [Fact]
    public void EventSource_NoProps_AgesRecordsOutAfter24Hours()
    {
        // spec construct.md Defaults: max record age 24 h
        Stacks.Synth(Stacks.DefaultProps()).HasProperties(MappingType, """{ "MaximumRecordAgeInSeconds": 86400 }""");
    }

    [Fact]
    public void EventSource_NoProps_Retries500Times()
    {
        // spec construct.md Defaults: 500 retries
        Stacks.Synth(Stacks.DefaultProps()).HasProperties(MappingType, """{ "MaximumRetryAttempts": 500 }""");
    }

    [Fact]
    public void EventSource_NoProps_UsesCdkBatchSizeOf100()
    {
        // spec construct.md Defaults: batch size 100 (CDK's default)
        Stacks.Synth(Stacks.DefaultProps()).HasProperties(MappingType, """{ "BatchSize": 100 }""");
    }

    [Fact]
    public void EventSource_NoProps_SendsFailuresToTheDlqAndReadsTheTableStream()
    {
        // spec construct.md Defaults: on-failure = the DLQ; the mapping reads the table's stream
        var template = Stacks.Synth(Stacks.DefaultProps(), out var construct);
        template.ResourceCountIs(MappingType, 1);
        template.HasProperties(MappingType, $$"""
            {
              "DestinationConfig": { "OnFailure": { "Destination": { "Fn::GetAtt": [ "{{Stacks.LogicalId(construct.SqsDlqQueue!)}}", "Arn" ] } } },
              "EventSourceArn": { "Fn::GetAtt": [ "{{Stacks.LogicalId(construct.DynamoTable!)}}", "StreamArn" ] },
              "FunctionName": { "Ref": "{{Stacks.LogicalId(construct.LambdaFunction)}}" }
            }
            """);
    }

    [Fact]
    public void Grants_Default_ListStreamsOnAnyResource()
    {
        // spec construct.md Defaults: grants dynamodb:ListStreams on *
        Stacks.Synth(Stacks.DefaultProps())
            .HasPolicyStatement("""{ "Action": "dynamodb:ListStreams", "Effect": "Allow", "Resource": "*" }""");
    }

    [Fact]
    public void Grants_Default_StreamReadOnTheStreamArn()
    {
        // spec construct.md Defaults: DescribeStream, GetRecords, GetShardIterator on the stream ARN
        var template = Stacks.Synth(Stacks.DefaultProps(), out var construct);
        template.HasPolicyStatement($$"""
            {
              "Action": [ "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator" ],
              "Effect": "Allow",
              "Resource": { "Fn::GetAtt": [ "{{Stacks.LogicalId(construct.DynamoTable!)}}", "StreamArn" ] } }
            """);
    }

    [Fact]
    public void Grants_Default_SqsSendOnTheQueueArn()
    {
        // spec construct.md Defaults: sqs:SendMessage, GetQueueAttributes, GetQueueUrl on the queue ARN
        var template = Stacks.Synth(Stacks.DefaultProps(), out var construct);
        template.HasPolicyStatement($$"""
            {
              "Action": [ "sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl" ],
              "Effect": "Allow",
              "Resource": { "Fn::GetAtt": [ "{{Stacks.LogicalId(construct.SqsDlqQueue!)}}", "Arn" ] } }
            """);
    }
}
