using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Lambda;
using DynamoStreams.Construct.Tests.Infrastructure;

namespace DynamoStreams.Construct.Tests;

/// <summary>The five places where we follow the seed's README rather than the real construct (spec construct.md).</summary>
public class ReadmeDepartureTests
{
    [Theory]
    [InlineData("nodejs18.x")]
    [InlineData("nodejs20.x")]
    [InlineData("nodejs22.x")]
    public void ReadmeDeparture1_KeepAlive_IsSetForEveryNodeRuntime(string runtimeName)
    {
        // spec construct.md departure 1: the real construct sets it only for its one "current" Node.js runtime
        var template = Stacks.Synth(new DynamoDBStreamsToLambdaProps
        {
            LambdaFunctionProps = Stacks.NodeFunctionProps(
                new Runtime(runtimeName, RuntimeFamily.NODEJS, new LambdaRuntimeProps { SupportsInlineCode = true })),
        });
        template.HasProperties("AWS::Lambda::Function", $$"""
            { "Runtime": "{{runtimeName}}", "Environment": { "Variables": { "AWS_NODEJS_CONNECTION_REUSE_ENABLED": "1" } } }
            """);
    }

    [Fact]
    public void ReadmeDeparture2_TablePropsWithExistingTable_IsAnError()
    {
        // spec construct.md departure 2: the real construct silently ignores the table props since 2.45
        var stack = Stacks.NewStack();
        var table = new Table(stack, "Existing", new TableProps
        {
            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING },
            Stream = StreamViewType.NEW_AND_OLD_IMAGES,
        });
        var error = Assert.Throws<ArgumentException>(() => new DynamoDBStreamsToLambda(stack, "pattern", new DynamoDBStreamsToLambdaProps
        {
            LambdaFunctionProps = Stacks.NodeFunctionProps(),
            ExistingTableInterface = table,
            DynamoTableProps = new TableProps { TimeToLiveAttribute = "ttl" },
        }));
        Assert.Equal("Error - Either provide existingTableInterface or dynamoTableProps, but not both.", error.Message);
    }

    [Fact]
    public void ReadmeDeparture3_DeadLetterQueue_IsExposedAsAProperty()
    {
        // spec construct.md departure 3: the real construct hides the DLQ
        var template = Stacks.Synth(Stacks.DefaultProps(), out var construct);
        Assert.NotNull(construct.SqsDlqQueue);
        Assert.Equal("SqsDlqQueue", construct.SqsDlqQueue.Node.Id);
        template.HasProperties("AWS::Lambda::EventSourceMapping", $$"""
            { "DestinationConfig": { "OnFailure": { "Destination": { "Fn::GetAtt": [ "{{Stacks.LogicalId(construct.SqsDlqQueue)}}", "Arn" ] } } } }
            """);
    }

    [Fact]
    public void ReadmeDeparture4_UserRole_LeavesNoUnusedConstructRole()
    {
        // spec construct.md departure 4: the real construct creates its role anyway and leaves it unused
        var stack = Stacks.NewStack();
        var role = new Amazon.CDK.AWS.IAM.Role(stack, "MyRole", new Amazon.CDK.AWS.IAM.RoleProps
        {
            AssumedBy = new Amazon.CDK.AWS.IAM.ServicePrincipal("lambda.amazonaws.com"),
        });
        var functionProps = Stacks.NodeFunctionProps();
        functionProps.Role = role;
        var construct = new DynamoDBStreamsToLambda(stack, "pattern", new DynamoDBStreamsToLambdaProps { LambdaFunctionProps = functionProps });
        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::IAM::Role", 1);
        template.HasProperties("AWS::Lambda::Function", $$"""{ "Role": { "Fn::GetAtt": [ "{{Stacks.LogicalId(role)}}", "Arn" ] } }""");
        template.HasProperties("AWS::IAM::Policy", $$"""{ "Roles": [ { "Ref": "{{Stacks.LogicalId(role)}}" } ] }""");
        Assert.Null(construct.Node.TryFindChild("LambdaFunctionServiceRole"));
    }

    [Fact]
    public void ReadmeDeparture4_UserOnFailure_LeavesNoUnusedQueue()
    {
        // spec construct.md departure 4: the real construct creates its DLQ anyway and leaves it unused
        var stack = Stacks.NewStack();
        var mine = new Amazon.CDK.AWS.SQS.Queue(stack, "MyFailures");
        var props = Stacks.DefaultProps();
        props.DynamoEventSourceProps = new Amazon.CDK.AWS.Lambda.EventSources.DynamoEventSourceProps
        {
            OnFailure = new Amazon.CDK.AWS.Lambda.EventSources.SqsDlq(mine),
        };
        var construct = new DynamoDBStreamsToLambda(stack, "pattern", props);
        var template = Template.FromStack(stack);
        Assert.Null(construct.SqsDlqQueue);
        template.ResourceCountIs("AWS::SQS::Queue", 1);
        template.ResourceCountIs("AWS::SQS::QueuePolicy", 0);
        template.HasProperties("AWS::Lambda::EventSourceMapping", $$"""
            { "DestinationConfig": { "OnFailure": { "Destination": { "Fn::GetAtt": [ "{{Stacks.LogicalId(mine)}}", "Arn" ] } } } }
            """);
    }

    [Fact]
    public void ReadmeDeparture5_LegacyPointInTimeRecoveryFlag_KeepsEveryOtherTableDefault()
    {
        // spec construct.md departure 5: the real construct (2.85.3+) drops all table defaults when the flag is set.
        // CDK 2.277 marks the flag obsolete but still accepts it, and rejects it beside the default specification.
        var props = Stacks.DefaultProps();
#pragma warning disable CS0618 // the legacy flag is the subject of this test
        props.DynamoTableProps = new TableProps { PointInTimeRecovery = false };
#pragma warning restore CS0618
        Stacks.Synth(props).HasProperties("AWS::DynamoDB::Table", """
            {
              "PointInTimeRecoverySpecification": { "PointInTimeRecoveryEnabled": false },
              "BillingMode": "PAY_PER_REQUEST",
              "SSESpecification": { "SSEEnabled": true },
              "KeySchema": [ { "AttributeName": "id", "KeyType": "HASH" } ],
              "StreamSpecification": { "StreamViewType": "NEW_AND_OLD_IMAGES" }
            }
            """);
    }
}
