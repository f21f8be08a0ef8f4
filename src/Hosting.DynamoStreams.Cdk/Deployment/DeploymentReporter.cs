using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.DynamoStreams.Cdk.Deployment;

/// <summary>
/// Receives a deployment's progress: the CLI's lines in a log, and the pattern's states with properties.
/// </summary>
/// <param name="Logger">Receives every line the CLI prints (the pattern's resource log, or the pipeline step's log).</param>
/// <param name="PublishAsync">Publishes a state and properties on the pattern resource (a null value removes nothing; it shows empty).</param>
internal sealed record DeploymentReporter(ILogger Logger, Func<ResourceStateSnapshot, (string Name, object? Value)[], Task> PublishAsync);
