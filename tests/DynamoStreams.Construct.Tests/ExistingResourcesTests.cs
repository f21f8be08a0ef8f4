using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using DynamoStreams.Construct.Tests.Infrastructure;
using DynamoAttribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace DynamoStreams.Construct.Tests;

public class ExistingResourcesTests
{
    private const string StreamArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000";

    private static Table StreamTable(Constructs.Construct scope, string id) => new(scope, id, new TableProps
    {
        PartitionKey = new DynamoAttribute { Name = "orderId", Type = AttributeType.STRING },
        Stream = StreamViewType.NEW_IMAGE,
    });

    [Fact]
    public void ExistingTable_InTheSameStack_IsReadAndNoTableIsCreated()
    {
        // spec construct.md Props: ExistingTableInterface is used; DynamoTable is null
        var stack = Stacks.NewStack();
        var table = StreamTable(stack, "Orders");
        var construct = new DynamoDBStreamsToLambda(stack, "pattern", new DynamoDBStreamsToLambdaProps
        {
            LambdaFunctionProps = Stacks.NodeFunctionProps(),
            ExistingTableInterface = table,
        });
        var template = Template.FromStack(stack);
        Assert.Null(construct.DynamoTable);
        Assert.Same(table, construct.DynamoTableInterface);
        template.ResourceCountIs("AWS::DynamoDB::Table", 1);
        template.HasProperties("AWS::Lambda::EventSourceMapping",
            $$"""{ "EventSourceArn": { "Fn::GetAtt": [ "{{Stacks.LogicalId(table)}}", "StreamArn" ] } }""");
        template.HasProperties("AWS::DynamoDB::Table", """{ "StreamSpecification": { "StreamViewType": "NEW_IMAGE" } }""");
    }

    [Fact]
    public void ExistingTable_InAnotherStack_IsReferencedThroughAnExport()
    {
        // spec construct.md Props: an existing table outside the stack works through a cross-stack reference
        var app = Stacks.NewApp();
        var tableStack = new Stack(app, "TableStack");
        var table = StreamTable(tableStack, "Orders");
        var patternStack = new Stack(app, "PatternStack");
        new DynamoDBStreamsToLambda(patternStack, "pattern", new DynamoDBStreamsToLambdaProps
        {
            LambdaFunctionProps = Stacks.NodeFunctionProps(),
            ExistingTableInterface = table,
        });
        var template = Template.FromStack(patternStack);
        template.ResourceCountIs("AWS::DynamoDB::Table", 0);
        template.HasResourceProperties("AWS::Lambda::EventSourceMapping", new Dictionary<string, object>
        {
            ["EventSourceArn"] = new Dictionary<string, object> { ["Fn::ImportValue"] = Match.StringLikeRegexp("TableStack") },
        });
    }

    [Fact]
    public void ExistingTable_ImportedByArnWithStreamArn_GrantsAndMapsTheStreamArn()
    {
        // spec construct.md Props: an imported table by ARN with a stream ARN (the Aspire "existing table" path)
        var stack = Stacks.NewStack();
        var table = Table.FromTableAttributes(stack, "Imported", new TableAttributes
        {
            TableArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders",
            TableStreamArn = StreamArn,
        });
        var construct = new DynamoDBStreamsToLambda(stack, "pattern", new DynamoDBStreamsToLambdaProps
        {
            LambdaFunctionProps = Stacks.NodeFunctionProps(),
            ExistingTableInterface = table,
        });
        var template = Template.FromStack(stack);
        Assert.Null(construct.DynamoTable);
        template.ResourceCountIs("AWS::DynamoDB::Table", 0);
        template.HasProperties("AWS::Lambda::EventSourceMapping", $$"""{ "EventSourceArn": "{{StreamArn}}" }""");
        template.HasPolicyStatement($$"""
            { "Action": [ "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator" ], "Effect": "Allow", "Resource": "{{StreamArn}}" }
            """);
    }

    [Fact]
    public void ExistingFunction_IsUsedAsIsWithGrantsOnItsRole()
    {
        // spec construct.md Props: ExistingLambdaObj is used as is (no role, tracing or env changes); grants go onto its role
        var stack = Stacks.NewStack();
        var function = new Function(stack, "Mine", Stacks.NodeFunctionProps());
        var construct = new DynamoDBStreamsToLambda(stack, "pattern", new DynamoDBStreamsToLambdaProps { ExistingLambdaObj = function });
        var template = Template.FromStack(stack);
        Assert.Same(function, construct.LambdaFunction);
        template.ResourceCountIs("AWS::Lambda::Function", 1);
        template.ResourceCountIs("AWS::IAM::Role", 1);
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["TracingConfig"] = Match.Absent(),
            ["Environment"] = Match.Absent(),
        });
        template.HasProperties("AWS::IAM::Policy", $$"""{ "Roles": [ { "Ref": "{{Stacks.LogicalId(function.Role!)}}" } ] }""");
        template.HasProperties("AWS::Lambda::EventSourceMapping", $$"""{ "FunctionName": { "Ref": "{{Stacks.LogicalId(function)}}" } }""");
    }

    [Fact]
    public void ExistingFunction_ImportedByArnWithRole_MapsItAndGrantsOnTheImportedRole()
    {
        // Our departure: any IFunction works, so a function deployed elsewhere (the Aspire "existing function" path) is mapped
        var stack = Stacks.NewStack();
        var role = Role.FromRoleArn(stack, "ImportedRole", "arn:aws:iam::123456789012:role/orders-handler-role");
        var function = Function.FromFunctionAttributes(stack, "Imported", new FunctionAttributes
        {
            FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:orders-handler",
            Role = role,
            SameEnvironment = true,
        });
        var construct = new DynamoDBStreamsToLambda(stack, "pattern", new DynamoDBStreamsToLambdaProps { ExistingLambdaObj = function });
        var template = Template.FromStack(stack);
        Assert.Same(function, construct.LambdaFunction);
        template.ResourceCountIs("AWS::Lambda::Function", 0);
        template.ResourceCountIs("AWS::IAM::Role", 0);
        template.HasProperties("AWS::Lambda::EventSourceMapping", """{ "FunctionName": "orders-handler" }""");
        template.HasProperties("AWS::IAM::Policy", """{ "Roles": [ "orders-handler-role" ] }""");
    }
}
