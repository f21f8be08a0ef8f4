using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Resolves the deployment settings: explicit options first, then configuration (<c>DynamoStreams:Aws:*</c>), then the
/// standard AWS variables.
/// </summary>
internal static class AwsSettings
{
    /// <summary>
    /// Resolves the effective options.
    /// </summary>
    /// <param name="configuration">The AppHost configuration (it includes the environment variables).</param>
    /// <param name="explicitOptions">Options set in code, or null.</param>
    /// <param name="appHostDirectory">The AppHost's folder, the base of relative paths.</param>
    /// <returns>A new options object with every value resolved.</returns>
    public static DynamoStreamsAwsOptions Resolve(IConfiguration configuration, DynamoStreamsAwsOptions? explicitOptions, string appHostDirectory)
    {
        var section = configuration.GetSection(DynamoStreamsAwsOptions.SectionName);
        var workingDirectory = explicitOptions?.WorkingDirectory ?? NullIfEmpty(section["WorkingDirectory"]) ?? Path.Combine("obj", "dynamostreams-aws");
        var cli = explicitOptions?.CdkCli ?? NullIfEmpty(section["CdkCli"]);
        return new DynamoStreamsAwsOptions
        {
            Profile = explicitOptions?.Profile ?? NullIfEmpty(section["Profile"]) ?? NullIfEmpty(configuration["AWS_PROFILE"]),
            Region = explicitOptions?.Region ?? NullIfEmpty(section["Region"]) ?? NullIfEmpty(configuration["AWS_REGION"]) ?? NullIfEmpty(configuration["AWS_DEFAULT_REGION"]),
            CdkCli = cli is null ? null : Path.GetFullPath(cli, appHostDirectory),
            AllowNpx = (explicitOptions?.AllowNpx ?? false) || section.GetValue<bool>("AllowNpx"),
            WorkingDirectory = Path.GetFullPath(workingDirectory, appHostDirectory),
            DeployOnStart = explicitOptions?.DeployOnStart ?? section.GetValue<bool?>("DeployOnStart") ?? true,
            LocalHandler = explicitOptions?.LocalHandler ?? section.GetValue<bool?>("LocalHandler") ?? false,
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
