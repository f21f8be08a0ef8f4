namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Lists why a CDK CLI run failed, each with its own state on the pattern resource and its own advice.
/// </summary>
public enum CdkFailureKind
{
    /// <summary>The failure is none of the known ones; the CLI's output says why.</summary>
    Other,

    /// <summary>Node.js is not installed or not on the PATH.</summary>
    NodeMissing,

    /// <summary>The AWS CDK CLI is not installed where it is looked for.</summary>
    CliMissing,

    /// <summary>No AWS credentials were found, they are expired, or the profile does not exist.</summary>
    Credentials,

    /// <summary>The account and region were never bootstrapped for the CDK (no <c>CDKToolkit</c> stack, no <c>/cdk-bootstrap/...</c> SSM parameter).</summary>
    NotBootstrapped,

    /// <summary>CloudFormation failed to create or update the stack and rolled it back (or failed to delete it).</summary>
    StackFailed,
}
