using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DynamoStreams.Emulator.Tests.Infrastructure;

namespace DynamoStreams.Emulator.Tests.Protocol;

/// <summary>
/// spec E.4 #1: the .NET SDK works with the emulator's x-amz-crc32 and without one, and fails on a wrong one.
/// The response is altered in transit by a handler in the SDK's own HTTP pipeline.
/// </summary>
public sealed class Crc32SdkTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public Crc32SdkTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    private AmazonDynamoDBClient ClientWith(Func<string?, string?> rewrite) =>
        new(new BasicAWSCredentials("a", "b"), new AmazonDynamoDBConfig
        {
            ServiceURL = _fixture.Emulator.Endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            HttpClientFactory = new RewritingFactory(rewrite),
        });

    [Fact]
    public async Task PutItem_WithEmulatorCrc_Succeeds()
    {
        var table = await Infrastructure.Tables.CreateAsync(_fixture.Client);
        using var client = ClientWith(crc => crc);
        await client.PutItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new("with") });
    }

    [Fact]
    public async Task PutItem_WithoutCrc_Succeeds()
    {
        var table = await Infrastructure.Tables.CreateAsync(_fixture.Client);
        using var client = ClientWith(_ => null);
        await client.PutItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new("without") });
        Assert.True((await client.GetItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new("without") })).IsItemSet);
    }

    [Fact]
    public async Task GetItem_WrongCrc_SdkFails()
    {
        var table = await Infrastructure.Tables.CreateAsync(_fixture.Client);
        using var client = ClientWith(crc => crc is null ? null : ((uint.Parse(crc, System.Globalization.CultureInfo.InvariantCulture) + 1) % uint.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.GetItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new("x") }));
        Assert.Contains("CRC", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class RewritingFactory(Func<string?, string?> rewrite) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
            new(new RewritingHandler(rewrite) { InnerHandler = new HttpClientHandler() });

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
    }

    private sealed class RewritingHandler(Func<string?, string?> rewrite) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var original = response.Headers.TryGetValues("x-amz-crc32", out var values) ? values.Single() : null;
            response.Headers.Remove("x-amz-crc32");
            if (rewrite(original) is { } replaced)
            {
                response.Headers.TryAddWithoutValidation("x-amz-crc32", replaced);
            }

            return response;
        }
    }
}
