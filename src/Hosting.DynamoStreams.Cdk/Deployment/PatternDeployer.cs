using System.ComponentModel;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Deploys and destroys pattern stacks with the CDK CLI, one CLI run at a time per AppHost: locates the toolchain,
/// synthesises the cloud assembly, runs <c>cdk deploy</c>/<c>cdk destroy</c> with the configured profile and region,
/// streams the CLI's output, and reports states, failures and the stack outputs.
/// </summary>
/// <param name="configuration">The AppHost configuration: <c>DynamoStreams:Aws:*</c>, the AWS variables and <c>PATH</c>.</param>
/// <param name="appHostDirectory">The AppHost's folder.</param>
internal sealed class PatternDeployer(IConfiguration configuration, string appHostDirectory)
{
    private readonly SemaphoreSlim _cli = new(1, 1);

    /// <summary>
    /// Resolves the settings a pattern deploys with.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The resolved options.</returns>
    public DynamoStreamsAwsOptions Settings(DynamoStreamsLambdaResource pattern) =>
        AwsSettings.Resolve(configuration, pattern.Annotations.OfType<DeploymentAnnotation>().LastOrDefault()?.Options, appHostDirectory);

    /// <summary>
    /// Gets the name of the pattern's stack (the stack options' name, else the pattern's).
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The stack name.</returns>
    public static string StackNameOf(DynamoStreamsLambdaResource pattern) => CloudAssemblySource.StackNameOf(pattern);

    /// <summary>
    /// Gets the file <c>cdk deploy</c> writes the pattern's stack outputs to.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The outputs file path.</returns>
    public string OutputsFile(DynamoStreamsLambdaResource pattern) => Path.Combine(Settings(pattern).WorkingDirectory!, $"{StackNameOf(pattern)}.outputs.json");

    /// <summary>
    /// Reads the outputs of the last successful deploy from this AppHost, if any.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The outputs, or null.</returns>
    public DynamoStreamsStackOutputs? FindOutputs(DynamoStreamsLambdaResource pattern) => DynamoStreamsStackOutputs.Read(OutputsFile(pattern), StackNameOf(pattern));

    /// <summary>
    /// Deploys the pattern's stack.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="reporter">Receives the CLI's lines and the states.</param>
    /// <param name="publishedAssembly">A cloud assembly the publish step already wrote (with this pattern's stack), or null to publish one.</param>
    /// <param name="cancellationToken">Kills the CLI when cancelled.</param>
    /// <returns>The outcome, with the outputs on success.</returns>
    public Task<DeploymentResult> DeployAsync(DynamoStreamsLambdaResource pattern, DeploymentReporter reporter, string? publishedAssembly, CancellationToken cancellationToken) =>
        RunAsync(pattern, reporter, deploy: true, publishedAssembly, cancellationToken);

    /// <summary>
    /// Destroys the pattern's stack (<c>cdk destroy --force</c>); a retained table stays in the account.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="reporter">Receives the CLI's lines and the states.</param>
    /// <param name="cancellationToken">Kills the CLI when cancelled.</param>
    /// <returns>The outcome.</returns>
    public Task<DeploymentResult> DestroyAsync(DynamoStreamsLambdaResource pattern, DeploymentReporter reporter, CancellationToken cancellationToken) =>
        RunAsync(pattern, reporter, deploy: false, publishedAssembly: null, cancellationToken);

    private async Task<DeploymentResult> RunAsync(DynamoStreamsLambdaResource pattern, DeploymentReporter reporter, bool deploy, string? publishedAssembly, CancellationToken cancellationToken)
    {
        var operation = deploy ? "deploy" : "destroy";
        var settings = Settings(pattern);
        var stackName = StackNameOf(pattern);
        var logger = reporter.Logger;
        await _cli.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await reporter.PublishAsync(deploy ? DeploymentStates.Deploying : DeploymentStates.Destroying,
                [("dynamostreams.aws.stackName", stackName), ("dynamostreams.aws.region", settings.Region ?? "(profile default)"), ("dynamostreams.aws.profile", settings.Profile ?? "(default)"), ("dynamostreams.aws.failure", null)]).ConfigureAwait(false);

            var directory = settings.WorkingDirectory!;
            Directory.CreateDirectory(directory);
            var context = new CdkRunContext(publishedAssembly ?? Path.Combine(directory, $"{pattern.Name}.cdk.out"), [stackName], settings.Profile, settings.Region);
            CdkToolchain toolchain;
            try
            {
                toolchain = CdkToolchainLocator.Locate(settings, configuration["PATH"], [appHostDirectory, Environment.CurrentDirectory]);
            }
            catch (CdkToolchainException ex)
            {
                return await FailAsync(new CdkFailure(ex.Failure, null, ex.Message)).ConfigureAwait(false);
            }

            logger.LogInformation("Using {Toolchain}.", toolchain.Description);
            if (publishedAssembly is null && (deploy || !File.Exists(Path.Combine(context.CloudAssemblyDirectory, "manifest.json"))))
            {
                try
                {
                    await CloudAssemblySource.ProduceAsync(pattern, context.CloudAssemblyDirectory, appHostDirectory, logger, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    return await FailAsync(new CdkFailure(CdkFailureKind.Other, null, $"The stack of '{pattern.Name}' could not be published: {ex.Message}")).ConfigureAwait(false);
                }
            }

            var outputsFile = OutputsFile(pattern);
            var arguments = deploy ? CdkInvocation.Deploy(context, outputsFile) : CdkInvocation.Destroy(context);
            logger.LogInformation("Running: cdk {Arguments}", string.Join(' ', arguments));
            ChildProcessResult result;
            try
            {
                result = await ChildProcessRunner.RunAsync(toolchain.FileName, toolchain.PrefixArguments.Concat(arguments), ProcessEnvironment(context), directory,
                    (line, isError) => LogLine(logger, line, isError), cancellationToken).ConfigureAwait(false);
            }
            catch (Win32Exception ex)
            {
                return await FailAsync(new CdkFailure(CdkFailureKind.CliMissing, null, $"The CDK CLI ({toolchain.FileName}) could not be started: {ex.Message}")).ConfigureAwait(false);
            }

            if (result.ExitCode != 0)
            {
                return await FailAsync(CdkFailureClassifier.Classify(result.Lines, result.ExitCode, operation, context)).ConfigureAwait(false);
            }

            if (!deploy)
            {
                File.Delete(outputsFile);
                logger.LogInformation("Stack {Stack} destroyed.{Retained}", stackName, RetainedNote(pattern));
                await reporter.PublishAsync(DeploymentStates.Destroyed, []).ConfigureAwait(false);
                return new DeploymentResult(stackName, null, null);
            }

            var outputs = DynamoStreamsStackOutputs.Read(outputsFile, stackName);
            if (outputs is null)
            {
                return await FailAsync(new CdkFailure(CdkFailureKind.Other, null,
                    $"cdk deploy succeeded but wrote no outputs for stack '{stackName}' to {outputsFile}; check that the stack name matches the cloud assembly.")).ConfigureAwait(false);
            }

            logger.LogInformation("Stack {Stack} deployed: table {Table}, stream {Stream}.", stackName, outputs.TableName, outputs.StreamArn);
            await reporter.PublishAsync(DeploymentStates.Deployed, OutputProperties(outputs)).ConfigureAwait(false);
            return new DeploymentResult(stackName, outputs, null);
        }
        finally
        {
            _cli.Release();
        }

        async Task<DeploymentResult> FailAsync(CdkFailure failure)
        {
            logger.LogError("cdk {Operation} of stack {Stack} failed ({State}): {Message}", operation, stackName, failure.StateText, failure.Message);
            await reporter.PublishAsync(DeploymentStates.Failed(failure), [("dynamostreams.aws.failure", failure.Message)]).ConfigureAwait(false);
            return new DeploymentResult(stackName, null, failure);
        }
    }

    /// <summary>
    /// Lists the resource properties that show a deployed stack's outputs.
    /// </summary>
    /// <param name="outputs">The outputs.</param>
    /// <returns>The properties.</returns>
    public static (string Name, object? Value)[] OutputProperties(DynamoStreamsStackOutputs outputs) =>
    [
        ("dynamostreams.aws.region", outputs.Region),
        ("dynamostreams.aws.tableName", outputs.TableName),
        ("dynamostreams.aws.tableArn", outputs.TableArn),
        ("dynamostreams.aws.streamArn", outputs.StreamArn),
        ("dynamostreams.aws.functionName", outputs.FunctionName),
        ("dynamostreams.aws.functionArn", outputs.FunctionArn),
        ("dynamostreams.aws.deadLetterQueueUrl", outputs.DeadLetterQueueUrl),
        ("dynamostreams.aws.deadLetterQueueArn", outputs.DeadLetterQueueArn),
    ];

    /// <summary>
    /// Says what stays in the account after a destroy, given the table's removal policy.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>A sentence, or empty when the table goes with the stack.</returns>
    public static string RetainedNote(DynamoStreamsLambdaResource pattern) => pattern.ExistingTable is not null
        ? " The table is not part of the stack (an existing table) and is untouched."
        : pattern.Table.RemovalPolicy == DynamoRemovalPolicy.Retain
            ? $" The table '{pattern.Table.TableName ?? "(generated name)"}' is RETAINED (removal policy RETAIN, the default) and remains in the account with its data."
            : string.Empty;

    /// <summary>Gets the variables the CLI runs with over the AppHost's own: the configured PATH and the CLI's settings.</summary>
    private Dictionary<string, string?> ProcessEnvironment(CdkRunContext context)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (configuration["PATH"] is { } path)
        {
            environment["PATH"] = path;
        }

        foreach (var (key, value) in CdkInvocation.Environment(context))
        {
            environment[key] = value;
        }

        return environment;
    }

    private static void LogLine(ILogger logger, string line, bool isError)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        if (isError && (line.Contains('❌') || line.StartsWith("Error", StringComparison.OrdinalIgnoreCase)))
        {
            logger.LogError("{Line}", line);
        }
        else
        {
            logger.LogInformation("{Line}", line);
        }
    }
}
