using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Computes the environment a local run gives to a project that references a pattern (and to the handler itself).
/// </summary>
internal static class LocalEnvironment
{
    /// <summary>The access key and secret given to local processes; the emulator accepts any credentials.</summary>
    public const string LocalCredential = "local";

    /// <summary>
    /// Adds the endpoints, region, credentials and pattern settings, waiting until the table and queue exist.
    /// </summary>
    /// <param name="environment">The environment to fill.</param>
    /// <param name="pattern">The pattern.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the environment is filled.</returns>
    public static async Task AddAsync(IDictionary<string, object> environment, DynamoStreamsLambdaResource pattern, CancellationToken cancellationToken)
    {
        var endpoint = await pattern.Emulator.EndpointSource.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        var url = endpoint.ToString().TrimEnd('/');
        var tablesUrl = pattern.Emulator.DynamoDBLocal is { } dynamoDBLocal
            ? (await dynamoDBLocal.EndpointSource.Task.WaitAsync(cancellationToken).ConfigureAwait(false)).ToString().TrimEnd('/')
            : url;
        environment["AWS_ENDPOINT_URL_DYNAMODB"] = tablesUrl;
        environment["AWS_ENDPOINT_URL_DYNAMODB_STREAMS"] = tablesUrl;
        environment["AWS_ENDPOINT_URL_SQS"] = url;
        environment["AWS_REGION"] = pattern.Emulator.Region;
        environment["AWS_DEFAULT_REGION"] = pattern.Emulator.Region;
        environment["AWS_ACCESS_KEY_ID"] = LocalCredential;
        environment["AWS_SECRET_ACCESS_KEY"] = LocalCredential;

        var name = pattern.Name;
        var table = await pattern.SourceTableResource!.Created.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        environment[Env(DynamoStreamsConfigurationKeys.TableName(name))] = table.TableName;
        environment[Env(DynamoStreamsConfigurationKeys.TableArn(name))] = table.TableArn;
        environment[Env(DynamoStreamsConfigurationKeys.StreamArn(name))] = table.StreamArn;
        environment[Env(DynamoStreamsConfigurationKeys.FunctionName(name))] = pattern.LocalFunctionName;
        if (pattern.DeadLetterQueueResource is { } dlq)
        {
            var queue = await dlq.Created.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            environment[Env(DynamoStreamsConfigurationKeys.DeadLetterQueueUrl(name))] = queue.QueueUrl;
            environment[Env(DynamoStreamsConfigurationKeys.DeadLetterQueueArn(name))] = queue.QueueArn;
        }
    }

    private static string Env(string key) => DynamoStreamsConfigurationKeys.ToEnvironmentVariable(key);
}
