using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using DynamoStreams.Construct.Merging;

namespace DynamoStreams.Construct.Defaults;

/// <summary>Builds the pattern's function: its own least-privilege role, X-Ray tracing and the Node.js keep-alive variable.</summary>
internal static class FunctionDefaults
{
    /// <summary>The construct id of the function, as in the Solutions Construct.</summary>
    public const string ConstructId = "LambdaFunction";

    /// <summary>The construct id of the function's role, as in the Solutions Construct.</summary>
    public const string RoleId = "LambdaFunctionServiceRole";

    /// <summary>The name of the role's inline logs policy.</summary>
    public const string InlinePolicyName = "LambdaFunctionServiceRolePolicy";

    /// <summary>The variable that makes the AWS SDK for JavaScript reuse connections.</summary>
    public const string KeepAliveVariable = "AWS_NODEJS_CONNECTION_REUSE_ENABLED";

    /// <summary>Creates the function from the defaults merged with <paramref name="user"/>.</summary>
    /// <remarks>A role in <paramref name="user"/> is used as is and no construct role is created.</remarks>
    public static Function Build(Constructs.Construct scope, IFunctionProps user)
    {
        var defaults = new FunctionProps { Tracing = Tracing.ACTIVE };
        if (user.Role is null)
        {
            defaults.Role = CreateServiceRole(scope, withVpcAccess: user.Vpc is not null);
        }

        var merged = PropsMerger.Merge(defaults, user);
        var function = new Function(scope, ConstructId, merged);

        // Added after construction, so the variable follows the user's own; a value the user set is kept.
        if (IsNodeJs(merged.Runtime) && merged.Environment?.ContainsKey(KeepAliveVariable) != true)
        {
            function.AddEnvironment(KeepAliveVariable, "1", new EnvironmentOptions { RemoveInEdge = true });
        }

        ScannerSuppressions.AddCfnNag(
            function,
            ("W58", "The role grants the CloudWatch Logs actions itself instead of AWSLambdaBasicExecutionRole."),
            ("W89", "Whether a function belongs in a VPC depends on the workload, not on this pattern."),
            ("W92", "Reserved concurrency depends on the workload, not on this pattern."));
        if (merged.Tracing is not null && function.Role?.Node.TryFindChild("DefaultPolicy") is { } defaultPolicy)
        {
            ScannerSuppressions.AddCfnNag(
                defaultPolicy.Node.FindChild("Resource"),
                ("W12", "X-Ray and VPC network interfaces accept no narrower resource than *."));
        }

        return function;
    }

    /// <summary>Returns whether <paramref name="runtime"/> is any Node.js runtime, including ones CDK 2.160 has no constant for.</summary>
    public static bool IsNodeJs(Runtime? runtime) =>
        runtime is not null
        && (runtime.Family == RuntimeFamily.NODEJS || runtime.Name.StartsWith("nodejs", StringComparison.Ordinal));

    private static Role CreateServiceRole(Constructs.Construct scope, bool withVpcAccess)
    {
        var logs = new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
            Resources = [$"arn:{Aws.PARTITION}:logs:{Aws.REGION}:{Aws.ACCOUNT_ID}:log-group:/aws/lambda/*"],
        });
        var role = new Role(scope, RoleId, new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            InlinePolicies = new Dictionary<string, PolicyDocument>
            {
                [InlinePolicyName] = new(new PolicyDocumentProps { Statements = [logs] }),
            },
        });

        if (withVpcAccess)
        {
            role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions =
                [
                    "ec2:CreateNetworkInterface",
                    "ec2:DescribeNetworkInterfaces",
                    "ec2:DeleteNetworkInterface",
                    "ec2:AssignPrivateIpAddresses",
                    "ec2:UnassignPrivateIpAddresses",
                ],
                Resources = ["*"],
            }));
        }

        ScannerSuppressions.AddGuard(role, "IAM_NO_INLINE_POLICY_CHECK");
        ScannerSuppressions.AddCdkNag(
            role,
            ("AwsSolutions-IAM5", "The function's log group is named after the function, which does not exist yet; the grant covers Lambda log groups of this account and region only.",
                ["Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/lambda/*"]));
        return role;
    }
}
