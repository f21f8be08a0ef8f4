using Aspire.Hosting.DynamoStreams.Cdk.Deployment;

namespace Hosting.DynamoStreams.Cdk.Tests.Deployment;

public sealed class CdkFailureClassifierTests
{
    private static readonly CdkRunContext s_context = new("asm", ["orders"], "dev", "eu-west-1");

    // issue 8 (deploy): the CLI's SSM-parameter message for an environment that was never bootstrapped (aws-cdk 2.1149.0)
    [Theory]
    [InlineData("SSM parameter /cdk-bootstrap/hnb659fds/version not found. Has the environment been bootstrapped? Please run 'cdk bootstrap' (see https://docs.aws.amazon.com/cdk/latest/guide/bootstrapping.html)")]
    [InlineData("This stack uses assets, so the toolkit stack must be deployed to the environment (Run \"cdk bootstrap aws://123456789012/eu-west-1\")")]
    public void Classify_NotBootstrappedMessage_SaysToBootstrap(string line)
    {
        var failure = CdkFailureClassifier.Classify(["✨  Synthesis time: 0.01s", $" ❌  orders failed: {line}"], 1, "deploy", s_context);

        Assert.Equal(CdkFailureKind.NotBootstrapped, failure.Kind);
        Assert.Equal("Not bootstrapped", failure.StateText);
        Assert.Contains("cdk bootstrap aws://<account-id>/eu-west-1 --profile dev", failure.Advice, StringComparison.Ordinal);
    }

    // issue 8 (deploy): missing, expired or unknown-profile credentials
    [Theory]
    [InlineData("Unable to resolve AWS account to use. It must be either configured when you define your CDK Stack, or through the environment")]
    [InlineData("Need to perform AWS calls for account 123456789012, but no credentials have been configured")]
    [InlineData("There are expired AWS credentials in your environment. The CDK app will synth without current account information.")]
    [InlineData("Profile dev was not found.")]
    public void Classify_CredentialMessage_SaysHowToConfigureCredentials(string line)
    {
        var failure = CdkFailureClassifier.Classify([line], 1, "deploy", s_context);

        Assert.Equal(CdkFailureKind.Credentials, failure.Kind);
        Assert.Equal("No AWS credentials", failure.StateText);
        Assert.Contains("aws sso login --profile dev", failure.Advice, StringComparison.Ordinal);
    }

    // issue 8 (deploy): a stack that CloudFormation rolled back
    [Theory]
    [InlineData("❌  orders failed: ToolkitError: The stack named orders failed creation, it may need to be manually deleted from the AWS console: ROLLBACK_COMPLETE: Resource handler returned message: \"Invalid request\"")]
    [InlineData("❌  orders failed: _DeploymentError: The stack named orders failed to deploy: UPDATE_ROLLBACK_COMPLETE: Properties validation failed")]
    public void Classify_RolledBackStack_PointsAtTheFailedEvent(string line)
    {
        var failure = CdkFailureClassifier.Classify(["orders | 3/9 | 10:01:02 | CREATE_FAILED | AWS::Lambda::Function | ordersFunction", line], 1, "deploy", s_context);

        Assert.Equal(CdkFailureKind.StackFailed, failure.Kind);
        Assert.Contains("CREATE_FAILED", failure.Advice, StringComparison.Ordinal);
    }

    // issue 8 (deploy): anything else keeps the CLI's last error line and the exit code
    [Fact]
    public void Classify_UnknownError_KeepsTheLastErrorLine()
    {
        var failure = CdkFailureClassifier.Classify(["starting", "Error: something unexpected", "done"], 3, "destroy", s_context);

        Assert.Equal(CdkFailureKind.Other, failure.Kind);
        Assert.Equal("Error: something unexpected", failure.Evidence);
        Assert.Contains("cdk destroy exited with code 3", failure.Advice, StringComparison.Ordinal);
    }
}
