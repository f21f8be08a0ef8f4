using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Local;

namespace Aspire.Hosting;

public static partial class DynamoStreamsLambdaBuilderExtensions
{
    /// <summary>The name of the DynamoDB Local container resource.</summary>
    public const string DynamoDBLocalResourceName = "dynamodb-local";

    /// <summary>
    /// Serves the local run's tables and streams from DynamoDB Local (<c>amazon/dynamodb-local</c>) in a container
    /// instead of the embedded emulator, for users who prefer AWS's own local engine. Needs Docker (or Podman). Local-only.
    /// </summary>
    /// <remarks>
    /// One container serves every pattern of the AppHost (<c>-sharedDb</c>, so every client sees the same tables whatever
    /// its region or credentials). Tables are created over HTTP from the declaration once it is healthy, the mapping
    /// engine reads the stream through the DynamoDB Streams HTTP API, and referencing projects get the container's
    /// endpoint in <c>AWS_ENDPOINT_URL_DYNAMODB</c> and <c>AWS_ENDPOINT_URL_DYNAMODB_STREAMS</c>. The embedded emulator
    /// keeps serving the dead-letter queues (DynamoDB Local has no SQS). The database lives in memory (<c>-inMemory</c>),
    /// or, with <see cref="WithDataDirectory"/>, in a named Docker volume mounted at <see cref="DynamoDBLocalResource.DataPath"/>
    /// (<c>-dbPath</c>). DynamoDB Local does not carry the writer's trace context on stream records.
    /// </remarks>
    /// <param name="builder">The pattern builder.</param>
    /// <param name="configure">Optionally configures the container, for example <c>c =&gt; c.WithImageTag("2.6.1")</c>.</param>
    /// <returns>The pattern builder.</returns>
    public static IResourceBuilder<DynamoStreamsLambdaResource> RunWithDynamoDBLocal(
        this IResourceBuilder<DynamoStreamsLambdaResource> builder, Action<IResourceBuilder<DynamoDBLocalResource>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.ApplicationBuilder;
        if (!app.ExecutionContext.IsRunMode)
        {
            return builder;
        }

        var emulator = builder.Resource.Emulator;
        if (emulator.DynamoDBLocal is { } existing)
        {
            configure?.Invoke(app.CreateResourceBuilder(existing));
            return builder;
        }

        var resource = new DynamoDBLocalResource(DynamoDBLocalResourceName);
        emulator.DynamoDBLocal = resource;
        var container = app.AddResource(resource)
            .WithImage(DynamoDBLocalContainerImageTags.Image, DynamoDBLocalContainerImageTags.Tag)
            .WithImageRegistry(DynamoDBLocalContainerImageTags.Registry)
            .WithHttpEndpoint(targetPort: DynamoDBLocalResource.ContainerPort, name: DynamoDBLocalResource.PrimaryEndpointName)
            .WithArgs(context =>
            {
                // The image's entrypoint is java; these are DynamoDB Local's own arguments.
                context.Args.Add("-jar");
                context.Args.Add("DynamoDBLocal.jar");
                context.Args.Add("-sharedDb");
                if (emulator.DataDirectory is null)
                {
                    context.Args.Add("-inMemory");
                }
                else
                {
                    context.Args.Add("-dbPath");
                    context.Args.Add(DynamoDBLocalResource.DataPath);
                }
            })
            .WithParentRelationship(emulator)
            .ExcludeFromManifest();
        AddDynamoDBLocalVolumeIfPersistent(container, emulator);
        DynamoDBLocalWiring.Attach(app, container);
        configure?.Invoke(container);
        return builder;
    }

    private static void AddDynamoDBLocalVolumeIfPersistent(IResourceBuilder<DynamoDBLocalResource> container, DynamoStreamsEmulatorResource emulator)
    {
        if (emulator.DataDirectory is not null && !container.Resource.Annotations.OfType<ContainerMountAnnotation>().Any(m => m.Target == DynamoDBLocalResource.DataPath))
        {
            container.WithVolume(VolumeNameGenerator.Generate(container, "data"), DynamoDBLocalResource.DataPath);
        }
    }
}
