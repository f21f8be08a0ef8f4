namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Represents one aws-dynamodbstreams-lambda pattern: a DynamoDB table with a stream, a Lambda function and the
/// event-source mapping between them, plus an SQS dead-letter queue. The same declaration runs locally and deploys to AWS.
/// </summary>
/// <remarks>
/// The option objects carry the names of the seed construct's props (<c>dynamoTableProps</c>, <c>lambdaFunctionProps</c>,
/// <c>dynamoEventSourceProps</c>, <c>sqsDlqQueueProps</c>, <c>deploySqsDlqQueue</c>) and start at the seed's defaults.
/// </remarks>
public sealed class DynamoStreamsLambdaResource : Resource
{
    /// <summary>
    /// Initializes a new pattern.
    /// </summary>
    /// <param name="name">The resource name.</param>
    /// <param name="handler">The code that handles the stream.</param>
    /// <param name="emulator">The AppHost's shared emulator.</param>
    public DynamoStreamsLambdaResource(string name, LambdaHandler handler, DynamoStreamsEmulatorResource emulator)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(emulator);
        Handler = handler;
        Emulator = emulator;
    }

    /// <summary>Gets the code that handles the stream.</summary>
    public LambdaHandler Handler { get; }

    /// <summary>Gets the table the pattern creates (the seed's <c>dynamoTableProps</c>); ignored when <see cref="ExistingTable"/> is set.</summary>
    public DynamoTableOptions Table { get; } = new();

    /// <summary>Gets the table the pattern consumes without creating it (the seed's <c>existingTableInterface</c>), or null.</summary>
    public DynamoExistingTable? ExistingTable { get; internal set; }

    /// <summary>Gets the event-source mapping settings (the seed's <c>dynamoEventSourceProps</c>).</summary>
    public DynamoEventSourceOptions EventSource { get; } = new();

    /// <summary>Gets the function settings (the seed's <c>lambdaFunctionProps</c>).</summary>
    public LambdaFunctionOptions Function { get; } = new();

    /// <summary>Gets whether the dead-letter queue is deployed (the seed's <c>deploySqsDlqQueue</c>, default true).</summary>
    public bool DeploySqsDlqQueue { get; internal set; } = true;

    /// <summary>Gets the dead-letter queue settings (the seed's <c>sqsDlqQueueProps</c>).</summary>
    public SqsDlqQueueOptions DeadLetterQueue { get; } = new();

    /// <summary>Gets the items a local run writes into the table when it creates it, or null (local-only).</summary>
    public DynamoSeedData? SeedData { get; internal set; }

    /// <summary>Gets the AppHost's shared emulator that serves the table, stream and queue locally.</summary>
    public DynamoStreamsEmulatorResource Emulator { get; }

    /// <summary>Gets the table child resource, or null when the pattern consumes an existing table.</summary>
    public DynamoStreamsTableResource? TableResource { get; internal set; }

    /// <summary>Gets the event-source mapping child resource.</summary>
    public DynamoStreamsMappingResource? MappingResource { get; internal set; }

    /// <summary>Gets the dead-letter queue child resource, or null when the queue is off.</summary>
    public DynamoStreamsDeadLetterQueueResource? DeadLetterQueueResource { get; internal set; }

    /// <summary>Gets the resource that runs the function locally (a project or an executable), or null for an existing function.</summary>
    public IResource? FunctionResource { get; internal set; }

    /// <summary>Gets the table resource whose stream this pattern reads: its own, or the one of the pattern it shares.</summary>
    public DynamoStreamsTableResource? SourceTableResource => ExistingTable?.Pattern is { } owner ? owner.SourceTableResource : TableResource;

    /// <summary>Gets the table name used in local runs.</summary>
    public string LocalTableName => ExistingTable switch
    {
        { Pattern: { } owner } => owner.LocalTableName,
        { } existing => existing.ResolvedTableName ?? Name,
        _ => Table.TableName ?? Name,
    };

    /// <summary>Gets the function name used in local runs.</summary>
    public string LocalFunctionName => Function.FunctionName ?? Name;

    /// <summary>Gets the dead-letter queue name used in local runs.</summary>
    public string LocalQueueName => DeadLetterQueue.QueueName ?? $"{Name}-dlq";

    internal bool TableConfigured { get; set; }

    internal TaskCompletionSource<IReadOnlyDictionary<string, string>> FunctionEnvironment { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal bool DeadLetterQueueConfigured { get; set; }
}
