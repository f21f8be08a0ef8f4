using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EndToEnd.Tests;

/// <summary>
/// Starts AppHost.Sample once for a test class and gives clients of its emulator, found through the app model.
/// </summary>
public sealed class SampleAppFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public DistributedApplication App { get; private set; } = null!;

    public AmazonDynamoDBClient DynamoDb { get; private set; } = null!;

    public AmazonSQSClient Sqs { get; private set; } = null!;

    public DynamoStreamsLambdaResource Orders { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost_Sample>(cts.Token);
        // The writer's one malformed order would land at a random moment in a batch with a test's own writes, and the
        // mapping would then (as AWS does, spec B.5 step 3) send the records after it in that batch to the DLQ along with
        // it. Tests that need a malformed order write their own and wait for its DLQ message.
        builder.CreateResourceBuilder<ProjectResource>("writer").WithEnvironment("Writer__PoisonAfter", "0");
        App = await builder.BuildAsync(cts.Token);
        await App.StartAsync(cts.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("orders", cts.Token);

        var model = App.Services.GetRequiredService<DistributedApplicationModel>();
        Orders = model.Resources.OfType<DynamoStreamsLambdaResource>().Single(r => r.Name == "orders");
        var emulator = model.Resources.OfType<DynamoStreamsEmulatorResource>().Single();
        var endpoint = emulator.Endpoint!.ToString();
        var credentials = new BasicAWSCredentials("test", "test");
        DynamoDb = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = emulator.Region });
        Sqs = new AmazonSQSClient(credentials, new AmazonSQSConfig { ServiceURL = endpoint, AuthenticationRegion = emulator.Region });
    }

    public async Task DisposeAsync()
    {
        DynamoDb?.Dispose();
        Sqs?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }

    /// <summary>Polls a condition until it holds or the fixture timeout passes (no fixed sleeps: returns as soon as it holds).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what)
        where T : class
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out after {Timeout.TotalSeconds} s waiting for {what}.");
            }
        }
    }
}
