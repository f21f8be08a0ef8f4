using Amazon.CDK.Assertions;
using DynamoStreams.Construct.Tests.Infrastructure;

namespace DynamoStreams.Construct.Tests;

public class FunctionDefaultsTests
{
    private const string RoleType = "AWS::IAM::Role";
    private const string FunctionType = "AWS::Lambda::Function";

    [Fact]
    public void Role_Default_IsTrustedByLambdaOnlyWithNoManagedPolicies()
    {
        // spec construct.md Defaults: own role trusted by lambda.amazonaws.com, no managed policies
        var template = Stacks.Synth(Stacks.DefaultProps());
        template.ResourceCountIs(RoleType, 1);
        template.HasProperties(RoleType, """
            {
              "AssumeRolePolicyDocument": {
                "Statement": [ { "Action": "sts:AssumeRole", "Effect": "Allow", "Principal": { "Service": "lambda.amazonaws.com" } } ],
                "Version": "2012-10-17"
              }
            }
            """);
        template.HasResourceProperties(RoleType, new Dictionary<string, object> { ["ManagedPolicyArns"] = Match.Absent() });
    }

    [Fact]
    public void Role_Default_HasInlineLogsPolicyOnLambdaLogGroups()
    {
        // spec construct.md Defaults: inline policy logs:CreateLogGroup/CreateLogStream/PutLogEvents on /aws/lambda/*
        Stacks.Synth(Stacks.DefaultProps()).HasProperties(RoleType, """
            {
              "Policies": [
                {
                  "PolicyName": "LambdaFunctionServiceRolePolicy",
                  "PolicyDocument": {
                    "Statement": [
                      {
                        "Action": [ "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents" ],
                        "Effect": "Allow",
                        "Resource": {
                          "Fn::Join": [ "", [
                            "arn:", { "Ref": "AWS::Partition" }, ":logs:", { "Ref": "AWS::Region" }, ":",
                            { "Ref": "AWS::AccountId" }, ":log-group:/aws/lambda/*" ] ]
                        }
                      }
                    ],
                    "Version": "2012-10-17"
                  }
                }
              ]
            }
            """);
    }

    [Fact]
    public void Function_Default_UsesTheConstructRole()
    {
        // spec construct.md Defaults: the function runs with the construct's own role
        Stacks.Synth(Stacks.DefaultProps()).HasResourceProperties(FunctionType, new Dictionary<string, object>
        {
            ["Role"] = new Dictionary<string, object>
            {
                ["Fn::GetAtt"] = Match.ArrayWith([Match.StringLikeRegexp("LambdaFunctionServiceRole"), "Arn"]),
            },
        });
    }

    [Fact]
    public void Function_Default_HasActiveTracingAndXRayGrant()
    {
        // spec construct.md Defaults: X-Ray tracing ACTIVE; xray:PutTraceSegments, xray:PutTelemetryRecords on *
        var template = Stacks.Synth(Stacks.DefaultProps());
        template.HasProperties(FunctionType, """{ "TracingConfig": { "Mode": "Active" } }""");
        template.HasPolicyStatement(
            """{ "Action": [ "xray:PutTraceSegments", "xray:PutTelemetryRecords" ], "Effect": "Allow", "Resource": "*" }""");
    }

    [Fact]
    public void Function_NodeRuntime_GetsKeepAliveVariable()
    {
        // spec construct.md Defaults: Node.js runtimes get AWS_NODEJS_CONNECTION_REUSE_ENABLED=1
        Stacks.Synth(Stacks.DefaultProps()).HasProperties(
            FunctionType, """{ "Environment": { "Variables": { "AWS_NODEJS_CONNECTION_REUSE_ENABLED": "1" } } }""");
    }

    [Fact]
    public void DefaultPolicy_Default_ListsXRayListStreamsStreamReadThenSqsSend()
    {
        // spec construct.md Defaults: "statements in this order: X-Ray, ListStreams, stream read, SQS send"
        var template = Stacks.Synth(Stacks.DefaultProps(), out var construct);
        var expected = Json.Serialize(Json.Convert(System.Text.Json.JsonDocument.Parse($$"""
            [
              { "Action": [ "xray:PutTraceSegments", "xray:PutTelemetryRecords" ], "Effect": "Allow", "Resource": "*" },
              { "Action": "dynamodb:ListStreams", "Effect": "Allow", "Resource": "*" },
              { "Action": [ "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator" ], "Effect": "Allow",
                "Resource": { "Fn::GetAtt": [ "{{Stacks.LogicalId(construct.DynamoTable!)}}", "StreamArn" ] } },
              { "Action": [ "sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl" ], "Effect": "Allow",
                "Resource": { "Fn::GetAtt": [ "{{Stacks.LogicalId(construct.SqsDlqQueue!)}}", "Arn" ] } }
            ]
            """).RootElement));
        Assert.Equal(expected, template.DefaultPolicyStatements());
    }

    [Fact]
    public void Function_Default_IsExposedWithConstructIds()
    {
        // spec construct.md Public surface: LambdaFunction is the created function
        Stacks.Synth(Stacks.DefaultProps(), out var construct);
        Assert.IsType<Amazon.CDK.AWS.Lambda.Function>(construct.LambdaFunction);
        Assert.Equal("LambdaFunction", construct.LambdaFunction.Node.Id);
        Assert.Equal("LambdaFunctionServiceRole", construct.LambdaFunction.Role!.Node.Id);
    }

    [Fact]
    public void Function_Default_CarriesTheScannerSuppressions()
    {
        // spec construct.md Defaults (real construct parity): cfn_nag W58/W89/W92 on the function, W12 on its policy,
        // cfn-guard IAM_NO_INLINE_POLICY_CHECK on its role
        var template = Stacks.Synth(Stacks.DefaultProps());
        template.HasResource(FunctionType, new Dictionary<string, object>
        {
            ["Metadata"] = new Dictionary<string, object>
            {
                ["cfn_nag"] = new Dictionary<string, object>
                {
                    ["rules_to_suppress"] = Match.ArrayWith(
                    [
                        Match.ObjectLike(new Dictionary<string, object> { ["id"] = "W58" }),
                        Match.ObjectLike(new Dictionary<string, object> { ["id"] = "W89" }),
                        Match.ObjectLike(new Dictionary<string, object> { ["id"] = "W92" }),
                    ]),
                },
            },
        });
        template.HasResource("AWS::IAM::Policy", new Dictionary<string, object>
        {
            ["Metadata"] = new Dictionary<string, object>
            {
                ["cfn_nag"] = new Dictionary<string, object>
                {
                    ["rules_to_suppress"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object> { ["id"] = "W12" })]),
                },
            },
        });
        template.HasResourceJson(RoleType, """{ "Metadata": { "guard": { "SuppressedRules": [ "IAM_NO_INLINE_POLICY_CHECK" ] } } }""");
    }
}
