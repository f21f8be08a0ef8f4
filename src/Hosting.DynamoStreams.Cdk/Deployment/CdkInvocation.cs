namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Builds the exact CDK CLI command lines for deploy and destroy, and the environment they run with.
/// </summary>
internal static class CdkInvocation
{
    /// <summary>
    /// Builds <c>cdk deploy --app &lt;assembly&gt; --require-approval never --outputs-file &lt;file&gt; --progress events [--profile p] &lt;stacks&gt;</c>.
    /// </summary>
    /// <param name="context">The assembly, stacks, profile and region.</param>
    /// <param name="outputsFile">Where the CLI writes the stack outputs.</param>
    /// <returns>The CLI arguments, without the toolchain's prefix.</returns>
    public static IReadOnlyList<string> Deploy(CdkRunContext context, string outputsFile)
    {
        List<string> arguments =
        [
            "deploy",
            "--app", context.CloudAssemblyDirectory,
            "--require-approval", "never",
            "--outputs-file", outputsFile,
            "--progress", "events",
        ];
        AddCommon(arguments, context);
        return arguments;
    }

    /// <summary>
    /// Builds <c>cdk destroy --app &lt;assembly&gt; --force [--profile p] &lt;stacks&gt;</c>.
    /// </summary>
    /// <param name="context">The assembly, stacks, profile and region.</param>
    /// <returns>The CLI arguments, without the toolchain's prefix.</returns>
    public static IReadOnlyList<string> Destroy(CdkRunContext context)
    {
        List<string> arguments = ["destroy", "--app", context.CloudAssemblyDirectory, "--force"];
        AddCommon(arguments, context);
        return arguments;
    }

    /// <summary>
    /// Builds the variables set on top of the AppHost's environment: the region for the CLI and the SDK it uses, and
    /// no colours or prompts so that the output reads well line by line in the resource log.
    /// </summary>
    /// <param name="context">The region.</param>
    /// <returns>The variables to set.</returns>
    public static IReadOnlyDictionary<string, string> Environment(CdkRunContext context)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FORCE_COLOR"] = "0",
            ["NO_COLOR"] = "1",
            ["CI"] = "true",
            ["CDK_DISABLE_VERSION_CHECK"] = "true",
        };
        if (context.Region is { } region)
        {
            environment["AWS_REGION"] = region;
            environment["AWS_DEFAULT_REGION"] = region;
            environment["CDK_DEFAULT_REGION"] = region;
        }

        return environment;
    }

    private static void AddCommon(List<string> arguments, CdkRunContext context)
    {
        if (context.Profile is { } profile)
        {
            arguments.Add("--profile");
            arguments.Add(profile);
        }

        arguments.AddRange(context.StackNames);
    }
}
