using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;

namespace Aspire.Hosting.DynamoStreams.Cdk.Mapping;

/// <summary>Writes the cdk-nag suppressions (<c>cdk_nag</c> metadata, each with its reason) for what the declaration chose.</summary>
internal static class NagSuppressions
{
    /// <summary>The newest Node.js runtime in Lambda's published resource schema (cfn-lint 1.51.0), the declaration's default.</summary>
    public const string NewestLambdaNodeRuntime = "nodejs24.x";

    /// <summary>
    /// Marks the function's runtime for AwsSolutions-L1 when it is the newest Node.js runtime Lambda lists: cdk-nag takes
    /// CDK's newest constant (<c>NODEJS_26_X</c>) as "latest", which Lambda's schema does not list yet.
    /// </summary>
    public static void AddRuntime(IFunction function, string? runtime)
    {
        if (runtime != NewestLambdaNodeRuntime || function.Node.DefaultChild is not CfnResource resource)
        {
            return;
        }

        resource.AddMetadata("cdk_nag", new Dictionary<string, object>
        {
            ["rules_to_suppress"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["id"] = "AwsSolutions-L1",
                    ["reason"] = $"{NewestLambdaNodeRuntime} is the newest Node.js runtime in Lambda's published schema and the newest whose handler rules the local run follows.",
                },
            },
        });
    }
}
