using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Dashboard;
using Aspire.Hosting.DynamoStreams.Local;
using Aspire.Hosting.DynamoStreams.Validation;

namespace Aspire.Hosting;

/// <summary>
/// Provides <c>AddDynamoStreamsLambda</c> and its builder methods: one declaration of a DynamoDB table with a stream,
/// a Lambda function and the event-source mapping between them, run locally or deployed to AWS.
/// </summary>
public static partial class DynamoStreamsLambdaBuilderExtensions
{
    /// <summary>The name of the AppHost's shared emulator resource.</summary>
    public const string EmulatorResourceName = "dynamostreams";

    /// <summary>The name of the AppHost's shared Lambda Runtime API host resource.</summary>
    public const string RuntimeHostResourceName = "lambda-runtime";

    /// <summary>
    /// Adds a DynamoDB-stream-triggered Lambda function whose handler is a .NET project (<c>Projects.X</c>).
    /// </summary>
    /// <typeparam name="TProject">The handler project's metadata type.</typeparam>
    /// <param name="builder">The AppHost builder.</param>
    /// <param name="name">The pattern name; children are named <c>{name}-table</c>, <c>{name}-function</c>, <c>{name}-mapping</c>, <c>{name}-dlq</c>.</param>
    /// <returns>The pattern's resource builder.</returns>
    /// <example>
    /// The seed's pattern with the seed's defaults (table keyed on <c>id</c>, NEW_AND_OLD_IMAGES stream, TRIM_HORIZON,
    /// bisect on error, 24-hour record age, 500 retries, batch size 100, SQS dead-letter queue), and a writer that uses it:
    /// <code language="csharp">
    /// var builder = DistributedApplication.CreateBuilder(args);
    /// var orders = builder.AddDynamoStreamsLambda&lt;Projects.Handler_Sample&gt;("orders")
    ///     .WithEventSource(e =&gt; e.ReportBatchItemFailures = true);
    /// builder.AddProject&lt;Projects.Writer_Sample&gt;("writer")
    ///     .WithReference(orders)
    ///     .WaitFor(orders);
    /// builder.Build().Run();
    /// </code>
    /// </example>
    public static IResourceBuilder<DynamoStreamsLambdaResource> AddDynamoStreamsLambda<TProject>(
        this IDistributedApplicationBuilder builder, [ResourceName] string name)
        where TProject : IProjectMetadata, new()
    {
        return builder.AddDynamoStreamsLambda(name, LambdaHandler.FromProject<TProject>());
    }

    /// <summary>
    /// Adds a DynamoDB-stream-triggered Lambda function with the given handler: a .NET project, a Node.js code folder
    /// (the seed's <c>Code.fromAsset('lambda')</c> with <c>index.handler</c>), or an existing function in AWS (cloud-only).
    /// </summary>
    /// <param name="builder">The AppHost builder.</param>
    /// <param name="name">The pattern name.</param>
    /// <param name="handler">The handler, from <see cref="LambdaHandler"/>'s factory methods.</param>
    /// <returns>The pattern's resource builder.</returns>
    /// <exception cref="DistributedApplicationException">The handler cannot run in this mode, or its code folder is missing.</exception>
    public static IResourceBuilder<DynamoStreamsLambdaResource> AddDynamoStreamsLambda(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, LambdaHandler handler)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(handler);

        var emulator = GetOrAddEmulator(builder);
        var pattern = new DynamoStreamsLambdaResource(name, handler, emulator);
        PrepareHandler(builder, pattern);

        var patternBuilder = builder.AddResource(pattern)
            .WithInitialState(ResourceSnapshots.Initial(DynamoStreamsResourceTypes.Pattern, ResourceSnapshots.DeclarationProperties(pattern)))
            .WithManifestPublishingCallback(context => DynamoStreamsManifest.Write(context, pattern));

        pattern.TableResource = new DynamoStreamsTableResource($"{name}-table", pattern);
        builder.AddResource(pattern.TableResource)
            .WithInitialState(ResourceSnapshots.Initial(DynamoStreamsResourceTypes.Table, []))
            .ExcludeFromManifest();

        pattern.MappingResource = new DynamoStreamsMappingResource($"{name}-mapping", pattern);
        builder.AddResource(pattern.MappingResource)
            .WithInitialState(ResourceSnapshots.Initial(DynamoStreamsResourceTypes.Mapping, []))
            .ExcludeFromManifest();

        pattern.DeadLetterQueueResource = new DynamoStreamsDeadLetterQueueResource($"{name}-dlq", pattern);
        builder.AddResource(pattern.DeadLetterQueueResource)
            .WithInitialState(ResourceSnapshots.Initial(DynamoStreamsResourceTypes.DeadLetterQueue, []))
            .ExcludeFromManifest();

        AddFunctionResource(builder, patternBuilder);
        DynamoStreamsLambdaValidator.Validate(pattern);

        if (builder.ExecutionContext.IsRunMode)
        {
            LocalRunWiring.Attach(builder, patternBuilder);
        }

        return patternBuilder;
    }

    private static void PrepareHandler(IDistributedApplicationBuilder builder, DynamoStreamsLambdaResource pattern)
    {
        var handler = pattern.Handler;
        switch (handler.Kind)
        {
            case LambdaHandlerKind.ExistingFunction when builder.ExecutionContext.IsRunMode:
                throw DynamoStreamsLambdaValidator.Fail(pattern,
                    $"the handler is the existing function '{handler.FunctionNameOrArn}', which runs only in AWS, so a local run has no code to run. "
                    + "Use LambdaHandler.FromProject<T>() or LambdaHandler.FromNodeCode(...) for local runs, or publish the AppHost instead of running it.");
            case LambdaHandlerKind.NodeCode:
                handler.CodePath = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, handler.CodePath!));
                NodeHandlerFiles.EnsureExists(pattern, handler.CodePath, handler.Handler!);
                break;
        }
    }

    private static DynamoStreamsEmulatorResource GetOrAddEmulator(IDistributedApplicationBuilder builder)
    {
        if (builder.Resources.OfType<DynamoStreamsEmulatorResource>().SingleOrDefault() is { } existing)
        {
            return existing;
        }

        var emulator = new DynamoStreamsEmulatorResource(EmulatorResourceName);
        if (builder.Configuration["AWS_REGION"] is { Length: > 0 } region)
        {
            emulator.Region = region;
        }

        builder.AddResource(emulator)
            .WithInitialState(ResourceSnapshots.Initial(DynamoStreamsResourceTypes.Emulator, []))
            .ExcludeFromManifest();

        if (builder.ExecutionContext.IsRunMode)
        {
            var runtimeHost = new LambdaRuntimeHostResource(RuntimeHostResourceName);
            builder.AddResource(runtimeHost)
                .WithInitialState(ResourceSnapshots.Initial(DynamoStreamsResourceTypes.RuntimeHost, []))
                .ExcludeFromManifest();
        }

        return emulator;
    }
}
