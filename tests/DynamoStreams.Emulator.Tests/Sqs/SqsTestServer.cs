using Amazon.Runtime;
using Amazon.SQS;
using DynamoStreams.Emulator.Sqs;
using DynamoStreams.Emulator.Tests.Streams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DynamoStreams.Emulator.Tests.Sqs;

/// <summary>
/// Serves the SQS slice on a loopback Kestrel port 0 with a manual clock, and gives the AWS SDK client for it.
/// </summary>
public sealed class SqsTestServer : IAsyncLifetime
{
    private WebApplication? _app;

    public ManualTimeProvider Clock { get; } = new();

    public SqsQueueStore Store { get; private set; } = null!;

    public AmazonSQSClient Client { get; private set; } = null!;

    public string Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = new SqsQueueStore("000000000000", Clock);
        var endpoint = new SqsHttpEndpoint(new SqsRequestHandler(Store), "us-east-1");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/", (HttpContext context) =>
        {
            var target = context.Request.Headers["X-Amz-Target"].ToString();
            return endpoint.HandleAsync(context, target[(target.IndexOf('.') + 1)..]);
        });
        await _app.StartAsync();
        Endpoint = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new AmazonSQSClient(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AmazonSQSConfig
        {
            ServiceURL = Endpoint,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
