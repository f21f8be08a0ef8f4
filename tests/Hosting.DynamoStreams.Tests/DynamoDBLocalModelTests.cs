using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Hosting.DynamoStreams.Tests;

public class DynamoDBLocalModelTests
{
    // This machine has no Docker: these tests check the container's model and arguments; running it needs Docker.

    [Fact]
    public async Task RunWithDynamoDBLocal_InMemory_AddsTheAmazonImageWithSharedDbAndInMemoryArgs()
    {
        // issue 7 opt-in: DynamoDB Local in a container (image amazon/dynamodb-local, -sharedDb, in memory)
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").RunWithDynamoDBLocal().Resource;

        var container = Assert.Single(builder.Resources.OfType<DynamoDBLocalResource>());
        Assert.Same(container, pattern.Emulator.DynamoDBLocal);
        Assert.Equal(DynamoStreamsLambdaBuilderExtensions.DynamoDBLocalResourceName, container.Name);
        var image = Assert.Single(container.Annotations.OfType<ContainerImageAnnotation>());
        Assert.Equal(("docker.io", "amazon/dynamodb-local", "3.1.0"), (image.Registry, image.Image, image.Tag));
        var endpoint = Assert.Single(container.Annotations.OfType<EndpointAnnotation>());
        Assert.Equal(("http", 8000, "http"), (endpoint.Name, endpoint.TargetPort, endpoint.UriScheme));
        Assert.Equal(["-jar", "DynamoDBLocal.jar", "-sharedDb", "-inMemory"], await ArgsAsync(container));
        Assert.Empty(container.Annotations.OfType<ContainerMountAnnotation>());
        Assert.Contains(container.Annotations.OfType<HealthCheckAnnotation>(), h => h.Key == "dynamodb-local_check");
        Assert.Contains(container.Annotations.OfType<ResourceRelationshipAnnotation>(), r => r.Type == "Parent" && ReferenceEquals(r.Resource, pattern.Emulator));
        Assert.Contains(container.Annotations, a => a is ManifestPublishingCallbackAnnotation { Callback: null });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunWithDynamoDBLocal_WithDataDirectory_PersistsInANamedVolumeWithDbPath(bool dataDirectoryFirst)
    {
        // issue 7: persistence in a volume; the order of WithDataDirectory and RunWithDynamoDBLocal does not matter
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders");
        if (dataDirectoryFirst)
        {
            pattern.WithDataDirectory().RunWithDynamoDBLocal();
        }
        else
        {
            pattern.RunWithDynamoDBLocal().WithDataDirectory();
        }

        var container = Assert.Single(builder.Resources.OfType<DynamoDBLocalResource>());
        Assert.Equal(["-jar", "DynamoDBLocal.jar", "-sharedDb", "-dbPath", "/home/dynamodblocal/data"], await ArgsAsync(container));
        var mount = Assert.Single(container.Annotations.OfType<ContainerMountAnnotation>());
        Assert.Equal(ContainerMountType.Volume, mount.Type);
        Assert.Equal(DynamoDBLocalResource.DataPath, mount.Target);
        Assert.EndsWith("dynamodb-local-data", mount.Source);
    }

    [Fact]
    public void RunWithDynamoDBLocal_TwoPatterns_ShareOneContainerAndApplyEachCallback()
    {
        var builder = TestBuilders.Run();
        builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").RunWithDynamoDBLocal();
        builder.AddDynamoStreamsLambda<HandlerSampleProject>("payments").RunWithDynamoDBLocal(c => c.WithImageTag("2.6.1"));

        var container = Assert.Single(builder.Resources.OfType<DynamoDBLocalResource>());
        Assert.Equal("2.6.1", container.Annotations.OfType<ContainerImageAnnotation>().Single().Tag);
    }

    [Fact]
    public void RunWithDynamoDBLocal_PublishMode_AddsNoContainer()
    {
        // local-only: the cloud path deploys real DynamoDB
        var output = Directory.CreateTempSubdirectory("dynamostreams-publish").FullName;
        try
        {
            var builder = TestBuilders.Publish(output);
            builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").RunWithDynamoDBLocal();

            Assert.Empty(builder.Resources.OfType<DynamoDBLocalResource>());
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task<IReadOnlyList<string>> ArgsAsync(DynamoDBLocalResource container)
    {
        var args = new List<object>();
        var context = new CommandLineArgsCallbackContext(args, CancellationToken.None);
        foreach (var callback in container.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return [.. args.Select(a => a.ToString()!)];
    }
}
