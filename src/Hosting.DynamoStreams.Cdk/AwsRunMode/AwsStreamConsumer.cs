using Amazon;
using Amazon.SQS;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk.Deployment;
using Aspire.Hosting.DynamoStreams.Extensibility;
using DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;
using DynamoStreams.LocalLambda.EventSourceMapping.Destinations;
using DynamoStreams.LocalLambda.EventSourceMapping.Engine;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.DynamoStreams.Cdk.AwsRunMode;

/// <summary>
/// Starts the AWS run mode's local handler: the mapping engine reads the deployed stack's real stream over the
/// DynamoDB Streams API (SigV4 with the developer's credentials) and sends OnFailure documents to the real dead-letter
/// queue; the handler runs behind the AppHost's Runtime API host.
/// </summary>
internal static class AwsStreamConsumer
{
    /// <summary>The folder, under the emulator's data directory, that keeps the real stream's checkpoints.</summary>
    public const string CheckpointFolder = "aws-checkpoints";

    /// <summary>
    /// Resolves the region, credentials, endpoints and checkpoint store, and starts the local mapping.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="outputs">The deployed stack's outputs.</param>
    /// <param name="settings">The resolved AWS settings (profile, region).</param>
    /// <param name="services">The AppHost services.</param>
    /// <param name="logger">The pattern's resource logger.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running mapping.</returns>
    /// <exception cref="DistributedApplicationException">The outputs lack the stream, or no credentials or region resolve.</exception>
    public static async Task<EventSourceMapping> StartAsync(DynamoStreamsLambdaResource pattern, DynamoStreamsStackOutputs outputs, DynamoStreamsAwsOptions settings,
        IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var streamArn = outputs.StreamArn
            ?? throw new DistributedApplicationException($"The outputs of stack '{outputs.StackName}' have no {DynamoStreamsStack.StreamArnOutput}, so the local handler has no stream to read. Deploy the stack again (without DeployOnStart=false) so its outputs file is rewritten.");
        // The stream label is a timestamp with colons: split the first six fields only.
        var arn = streamArn.Split(':', 6);
        if (arn is not ["arn", _, "dynamodb", { Length: > 0 } streamRegion, { Length: > 0 } account, var resource]
            || !resource.StartsWith("table/", StringComparison.Ordinal) || !resource.Contains("/stream/", StringComparison.Ordinal))
        {
            throw new DistributedApplicationException($"The stream ARN '{streamArn}' in the outputs of stack '{outputs.StackName}' is not a DynamoDB stream ARN (arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>).");
        }

        var region = streamRegion;
        var credentials = await AwsCredentialResolver.ResolveAsync(configuration, settings.Profile, cancellationToken).ConfigureAwait(false);

        var streamsEndpoint = AwsServiceEndpoint.DynamoDbStreams(configuration, region);
        var http = new HttpClient();
        var sqsEndpoint = AwsServiceEndpoint.Configured(configuration, "SQS");
        var sqsConfig = new AmazonSQSConfig();
        if (sqsEndpoint is null)
        {
            sqsConfig.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            sqsConfig.ServiceURL = sqsEndpoint.ToString();
            sqsConfig.AuthenticationRegion = region;
        }

        var sqs = new AmazonSQSClient(credentials, sqsConfig);
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(() =>
        {
            sqs.Dispose();
            http.Dispose();
        });

        ICheckpointStore checkpoints = pattern.Emulator.DataDirectory is { } dataDirectory
            ? new FileCheckpointStore(Path.Combine(Path.GetFullPath(dataDirectory), CheckpointFolder))
            : new InMemoryCheckpointStore();
        var target = new ExternalStream(streamArn, outputs.DeadLetterQueueArn, region, account,
            new HttpStreamSource(new DynamoDbStreamsClient(http, streamsEndpoint, region, credentials)), new SqsFailureDestination(sqs), checkpoints);
        var mapping = await DynamoStreamsRunModes.StartLocalHandlerAsync(pattern, services, target, cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "The local handler {Function} consumes {Stream} through {Endpoint} (mapping {Uuid}, {State}); OnFailure to {Queue} through {SqsEndpoint}; checkpoints {Checkpoints}. The cloud mapping is deployed disabled.",
            pattern.LocalFunctionName, streamArn, streamsEndpoint, mapping.Uuid, mapping.GetStatus().State, outputs.DeadLetterQueueArn ?? "(none)",
            sqsEndpoint?.ToString() ?? $"SQS in {region}",
            pattern.Emulator.DataDirectory is { } d ? $"in {Path.Combine(Path.GetFullPath(d), CheckpointFolder)}" : "in memory (set a data directory to keep them across restarts)");
        return mapping;
    }
}
