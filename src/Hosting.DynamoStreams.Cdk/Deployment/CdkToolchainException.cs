namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Reports that Node.js or the AWS CDK CLI could not be found, with how to install what is missing.
/// </summary>
public sealed class CdkToolchainException : Exception
{
    /// <summary>Initializes a new instance with the failure and its message.</summary>
    /// <param name="failure">What is missing.</param>
    /// <param name="message">What was looked for and how to install it.</param>
    public CdkToolchainException(CdkFailureKind failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    /// <summary>Gets what is missing: <see cref="CdkFailureKind.NodeMissing"/> or <see cref="CdkFailureKind.CliMissing"/>.</summary>
    public CdkFailureKind Failure { get; }
}
