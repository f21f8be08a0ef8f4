using System.Net;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using DynamoStreams.Emulator.Tests.CrossCheck;
using DynamoStreams.Emulator.Tests.Infrastructure;

namespace DynamoStreams.Emulator.Tests.Protocol;

/// <summary>Strict mode (<c>DynamoEmulatorOptions.AccessKeys</c>): SigV4 signatures are verified against the known keys.</summary>
public sealed class StrictAuthenticationTests : IClassFixture<StrictAuthEmulatorFixture>
{
    private readonly StrictAuthEmulatorFixture _fixture;

    public StrictAuthenticationTests(StrictAuthEmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    private static BasicAWSCredentials Right => new(StrictAuthEmulatorFixture.AccessKeyId, StrictAuthEmulatorFixture.SecretAccessKey);

    [Fact]
    public async Task Sdk_RightKeyAndSecret_IsServed()
    {
        // AWS SigV4 docs: the signature is HMAC-SHA256 over the canonical request with a key derived from the secret
        using var client = _fixture.CreateClient(Right);
        var table = await Infrastructure.Tables.CreateAsync(client);
        await client.PutItemAsync(table, new() { ["pk"] = new AttributeValue("ünïcødé ✓ 𝄞"), ["v"] = new AttributeValue(new string('x', 5000)) });
        var item = await client.GetItemAsync(table, new() { ["pk"] = new AttributeValue("ünïcødé ✓ 𝄞") });
        Assert.Equal(5000, item.Item["v"].S.Length);
    }

    [Fact]
    public async Task SqsSdk_RightKeyAndSecret_IsServed()
    {
        // Every service on the port is verified the same way.
        using var client = _fixture.CreateSqsClient(Right);
        var created = await client.CreateQueueAsync(new CreateQueueRequest { QueueName = "strict-queue" });
        Assert.EndsWith("/strict-queue", created.QueueUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sdk_WrongSecret_ThrowsInvalidSignature()
    {
        // AWS DynamoDB error reference: InvalidSignatureException, "The request signature we calculated does not match..."
        using var client = _fixture.CreateClient(new BasicAWSCredentials(StrictAuthEmulatorFixture.AccessKeyId, "wrong-secret"));
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.ListTablesAsync(new ListTablesRequest()));
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.StartsWith("The request signature we calculated does not match the signature you provided.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sdk_UnknownAccessKey_ThrowsUnrecognizedClient()
    {
        // AWS DynamoDB error reference: UnrecognizedClientException, "The security token included in the request is invalid."
        using var client = _fixture.CreateClient(new BasicAWSCredentials("AKIDUNKNOWN", StrictAuthEmulatorFixture.SecretAccessKey));
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.ListTablesAsync(new ListTablesRequest()));
        Assert.Equal("UnrecognizedClientException", error.ErrorCode);
        Assert.Equal("The security token included in the request is invalid.", error.Message);
    }

    [Fact]
    public async Task SqsSdk_WrongSecret_ThrowsInvalidSignature()
    {
        using var client = _fixture.CreateSqsClient(new BasicAWSCredentials(StrictAuthEmulatorFixture.AccessKeyId, "wrong-secret"));
        var error = await Assert.ThrowsAsync<AmazonSQSException>(() => client.ListQueuesAsync(new ListQueuesRequest()));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("InvalidSignature", error.ErrorCode, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sdk_Unsigned_ThrowsMissingAuthenticationToken()
    {
        // AWS DynamoDB error reference: MissingAuthenticationTokenException, "Request is missing Authentication Token"
        using var client = _fixture.CreateClient(new AnonymousAWSCredentials());
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.ListTablesAsync(new ListTablesRequest()));
        Assert.Equal("MissingAuthenticationTokenException", error.ErrorCode);
        Assert.Equal("Request is missing Authentication Token", error.Message);
    }

    [Fact]
    public async Task QueryStringSignature_RightSecret_IsServed()
    {
        // AWS SigV4 docs: a request may carry the signature in X-Amz-* query parameters instead of the header
        var body = Encoding.UTF8.GetBytes("{}");
        var path = QueryStringSigner.Sign(_fixture.Emulator.Endpoint, "DynamoDB_20120810.ListTables", body,
            StrictAuthEmulatorFixture.AccessKeyId, StrictAuthEmulatorFixture.SecretAccessKey, new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        var response = await RawHttp.SendAsync(_fixture.Emulator.Endpoint, HttpMethod.Post, path, "{}", "application/x-amz-json-1.0",
            new Dictionary<string, string> { ["X-Amz-Target"] = "DynamoDB_20120810.ListTables" });
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task QueryStringSignature_BodyChangedAfterSigning_ReturnsInvalidSignature()
    {
        // AWS SigV4 docs: the payload's SHA-256 is part of the canonical request
        var path = QueryStringSigner.Sign(_fixture.Emulator.Endpoint, "DynamoDB_20120810.ListTables", Encoding.UTF8.GetBytes("{}"),
            StrictAuthEmulatorFixture.AccessKeyId, StrictAuthEmulatorFixture.SecretAccessKey, new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        var response = await RawHttp.SendAsync(_fixture.Emulator.Endpoint, HttpMethod.Post, path, """{"Limit":5}""", "application/x-amz-json-1.0",
            new Dictionary<string, string> { ["X-Amz-Target"] = "DynamoDB_20120810.ListTables" });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("com.amazon.coral.service#InvalidSignatureException", response.Json.GetProperty("__type").GetString());
    }

    [NodeFact]
    public async Task JavaScriptSdk_SignedWithTheKnownKey_IsServedAndAWrongSecretIsNot()
    {
        // A second, independent SigV4 signer (AWS SDK for JavaScript v3) so the verifier and the .NET SDK cannot share one misreading.
        var script = Path.Combine(NodeRunner.RepositoryRoot, "tests", "DynamoStreams.Emulator.Tests", "CrossCheck", "strict-auth-crosscheck.mjs");
        var output = await NodeRunner.RunAsync(script,
            [_fixture.Emulator.Endpoint.ToString().TrimEnd('/'), NodeRunner.NodePackagesDirectory, StrictAuthEmulatorFixture.AccessKeyId, StrictAuthEmulatorFixture.SecretAccessKey],
            TimeSpan.FromMinutes(2));
        using var document = System.Text.Json.JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var result = document.RootElement;

        Assert.Equal(3000, result.GetProperty("read").GetInt32());
        Assert.Equal("InvalidSignatureException", result.GetProperty("wrongSecret").GetString());
        Assert.EndsWith("/strict-js", result.GetProperty("queueUrl").GetString(), StringComparison.Ordinal);
    }
}
