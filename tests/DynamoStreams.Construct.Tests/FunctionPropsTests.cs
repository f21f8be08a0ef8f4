using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Lambda;
using DynamoStreams.Construct.Tests.Infrastructure;

namespace DynamoStreams.Construct.Tests;

public class FunctionPropsTests
{
    private const string FunctionType = "AWS::Lambda::Function";

    [Fact]
    public void FunctionProps_UserEnvironment_ComesBeforeTheKeepAliveVariable()
    {
        // spec construct.md Defaults: AWS_NODEJS_CONNECTION_REUSE_ENABLED=1, after the user's variables
        var props = Stacks.DefaultProps();
        var functionProps = Stacks.NodeFunctionProps();
        functionProps.Environment = new Dictionary<string, string> { ["TABLE_ROLE"] = "orders", ["MODE"] = "strict" };
        props.LambdaFunctionProps = functionProps;
        var variables = (IDictionary<string, object>)((IDictionary<string, object>)Stacks.Synth(props)
            .SingleProperties(FunctionType)["Environment"])["Variables"];
        Assert.Equal(["TABLE_ROLE", "MODE", "AWS_NODEJS_CONNECTION_REUSE_ENABLED"], variables.Keys);
        Assert.Equal("1", variables["AWS_NODEJS_CONNECTION_REUSE_ENABLED"]);
    }

    [Fact]
    public void FunctionProps_UserKeepAliveValue_IsKept()
    {
        // Our departure (spec construct.md Merge: user values win): a user's own keep-alive value is not overwritten
        var props = Stacks.DefaultProps();
        var functionProps = Stacks.NodeFunctionProps();
        functionProps.Environment = new Dictionary<string, string> { ["AWS_NODEJS_CONNECTION_REUSE_ENABLED"] = "0" };
        props.LambdaFunctionProps = functionProps;
        Stacks.Synth(props).HasProperties(
            FunctionType, """{ "Environment": { "Variables": { "AWS_NODEJS_CONNECTION_REUSE_ENABLED": "0" } } }""");
    }

    [Fact]
    public void FunctionProps_TimeoutMemoryAndTracing_OverrideDefaults()
    {
        // spec construct.md Merge: user values win
        var props = Stacks.DefaultProps();
        var functionProps = Stacks.NodeFunctionProps();
        functionProps.Timeout = Duration.Seconds(30);
        functionProps.MemorySize = 512;
        functionProps.Tracing = Tracing.PASS_THROUGH;
        functionProps.FunctionName = "orders-handler";
        functionProps.ReservedConcurrentExecutions = 2;
        props.LambdaFunctionProps = functionProps;
        var template = Stacks.Synth(props, out var construct);
        template.HasProperties(FunctionType, """
            { "Timeout": 30, "MemorySize": 512, "TracingConfig": { "Mode": "PassThrough" },
              "FunctionName": "orders-handler", "ReservedConcurrentExecutions": 2 }
            """);
        Assert.Equal("LambdaFunction", construct.LambdaFunction.Node.Id);
    }

    [Fact]
    public void FunctionProps_TracingDisabled_DropsTheXRayGrant()
    {
        // spec construct.md Merge: user values win; no tracing means no X-Ray statement
        var props = Stacks.DefaultProps();
        var functionProps = Stacks.NodeFunctionProps();
        functionProps.Tracing = Tracing.DISABLED;
        props.LambdaFunctionProps = functionProps;
        var template = Stacks.Synth(props);
        template.HasResourceProperties(FunctionType, new Dictionary<string, object> { ["TracingConfig"] = Match.Absent() });
        Assert.DoesNotContain("xray:", template.DefaultPolicyStatements(), StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionProps_Vpc_AddsNetworkInterfaceStatementAndVpcConfig()
    {
        // spec construct.md Defaults: with a VPC, ec2 network-interface create/describe/delete and assign/unassign on *
        var stack = Stacks.NewStack();
        var vpc = new Vpc(stack, "Vpc", new VpcProps { MaxAzs = 2, NatGateways = 0, SubnetConfiguration =
            [new SubnetConfiguration { Name = "isolated", SubnetType = SubnetType.PRIVATE_ISOLATED }] });
        var functionProps = Stacks.NodeFunctionProps();
        functionProps.Vpc = vpc;
        new DynamoDBStreamsToLambda(stack, "pattern", new DynamoDBStreamsToLambdaProps { LambdaFunctionProps = functionProps });
        var template = Template.FromStack(stack);
        template.HasPolicyStatement("""
            {
              "Action": [ "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
                          "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses" ],
              "Effect": "Allow",
              "Resource": "*"
            }
            """);
        Assert.StartsWith("[\n  {\n    \"Action\": [\n      \"ec2:", template.DefaultPolicyStatements().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        template.HasResourceProperties(FunctionType, new Dictionary<string, object>
        {
            ["VpcConfig"] = new Dictionary<string, object> { ["SubnetIds"] = Match.AnyValue(), ["SecurityGroupIds"] = Match.AnyValue() },
        });
        template.HasResourceProperties("AWS::IAM::Role", new Dictionary<string, object> { ["ManagedPolicyArns"] = Match.Absent() });
    }

    [Fact]
    public void FunctionProps_NoVpc_HasNoNetworkInterfaceStatement()
    {
        // spec construct.md Defaults: the ec2 statement comes only with a VPC
        Assert.DoesNotContain("ec2:", Stacks.Synth(Stacks.DefaultProps()).DefaultPolicyStatements(), StringComparison.Ordinal);
    }
}
