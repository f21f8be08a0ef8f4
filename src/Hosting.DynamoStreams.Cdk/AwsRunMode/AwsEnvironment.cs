using Aspire.Hosting.DynamoStreams.Cdk.Deployment;

namespace Aspire.Hosting.DynamoStreams.Cdk.AwsRunMode;

/// <summary>
/// Computes what a project that references a pattern running in AWS gets: the deployed stack's outputs under the same
/// <see cref="DynamoStreamsConfigurationKeys"/> as a local run, the region (and profile), and no endpoint overrides or
/// credentials, so the AWS SDK reaches the real services with the developer's own credentials.
/// </summary>
internal static class AwsEnvironment
{
    /// <summary>
    /// Fills the environment.
    /// </summary>
    /// <param name="environment">The referencing project's environment.</param>
    /// <param name="patternName">The pattern's name (the configuration keys' middle part).</param>
    /// <param name="outputs">The deployed stack's outputs.</param>
    /// <param name="settings">The profile and region the stack was deployed with.</param>
    public static void Add(IDictionary<string, object> environment, string patternName, DynamoStreamsStackOutputs outputs, DynamoStreamsAwsOptions settings)
    {
        if ((outputs.Region ?? settings.Region) is { } region)
        {
            environment["AWS_REGION"] = region;
            environment["AWS_DEFAULT_REGION"] = region;
        }

        if (settings.Profile is { } profile)
        {
            environment["AWS_PROFILE"] = profile;
        }

        Set(environment, DynamoStreamsConfigurationKeys.TableName(patternName), outputs.TableName);
        Set(environment, DynamoStreamsConfigurationKeys.TableArn(patternName), outputs.TableArn);
        Set(environment, DynamoStreamsConfigurationKeys.StreamArn(patternName), outputs.StreamArn);
        Set(environment, DynamoStreamsConfigurationKeys.FunctionName(patternName), outputs.FunctionName);
        Set(environment, DynamoStreamsConfigurationKeys.DeadLetterQueueUrl(patternName), outputs.DeadLetterQueueUrl);
        Set(environment, DynamoStreamsConfigurationKeys.DeadLetterQueueArn(patternName), outputs.DeadLetterQueueArn);
    }

    private static void Set(IDictionary<string, object> environment, string key, string? value)
    {
        if (value is not null)
        {
            environment[DynamoStreamsConfigurationKeys.ToEnvironmentVariable(key)] = value;
        }
    }
}
