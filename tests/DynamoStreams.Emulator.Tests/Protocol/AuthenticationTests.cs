using System.Net;
using DynamoStreams.Emulator.Tests.Infrastructure;

namespace DynamoStreams.Emulator.Tests.Protocol;

/// <summary>The default auth mode: any credentials are accepted, but a request must carry a complete SigV4 signature.</summary>
public sealed class AuthenticationTests : IClassFixture<EmulatorFixture>
{
    private const string ListTables = "DynamoDB_20120810.ListTables";

    private readonly EmulatorFixture _fixture;

    public AuthenticationTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    private async Task<(string Type, string Message)> ErrorAsync(string pathAndQuery, Dictionary<string, string> headers)
    {
        headers["X-Amz-Target"] = ListTables;
        var response = await RawHttp.SendAsync(_fixture.Emulator.Endpoint, HttpMethod.Post, pathAndQuery, headers: headers);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var body = response.Json;
        return (body.GetProperty("__type").GetString()!, body.GetProperty("message").GetString()!);
    }

    [Theory]
    [InlineData("/", null)]
    [InlineData("/", "AWS4")]
    [InlineData("/?X-Amz-Algorith", "X")]
    [InlineData("/?X-Amz-Credential=a&X-Amz-Signature=b&X-Amz-SignedHeaders=c&X-Amz-Date=d", null)]
    public async Task Unsigned_AnyForm_ReturnsMissingAuthenticationToken(string pathAndQuery, string? authorization)
    {
        // observed: dynalite suite connection.js 'should return MissingAuthenticationTokenException if no Authorization
        // header' (and the incomplete header, misspelt query and no X-Amz-Algorithm variants)
        var headers = new Dictionary<string, string>();
        if (authorization is not null)
        {
            headers["Authorization"] = authorization;
        }

        var (type, message) = await ErrorAsync(pathAndQuery, headers);
        Assert.Equal("com.amazon.coral.service#MissingAuthenticationTokenException", type);
        Assert.Equal("Request is missing Authentication Token", message);
    }

    [Fact]
    public async Task SignedInHeaderAndQuery_ReturnsInvalidSignature()
    {
        // observed: dynalite suite connection.js 'should return InvalidSignatureException if both Authorization header
        // and X-Amz-Algorithm query'
        var (type, message) = await ErrorAsync("/?X-Amz-Algorithm", new() { ["Authorization"] = "X" });
        Assert.Equal("com.amazon.coral.service#InvalidSignatureException", type);
        Assert.Equal("Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.", message);
    }

    [Fact]
    public async Task HeaderWithoutParameters_ListsEveryMissingPart()
    {
        // observed: dynalite suite connection.js 'should return IncompleteSignatureException if Authorization header is "AWS4-"'
        var (type, message) = await ErrorAsync("/", new() { ["Authorization"] = "AWS4-" });
        Assert.Equal("com.amazon.coral.service#IncompleteSignatureException", type);
        Assert.Equal(
            "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
            "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either " +
            "a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-", message);
    }

    [Theory]
    [InlineData("AWS4- Signature=b Credential=a")]
    [InlineData("AWS4- Signature=b,Credential=a")]
    [InlineData("AWS4- Signature=b, Credential=a")]
    public async Task HeaderWithoutSignedHeaders_NamesOnlyThatPart(string authorization)
    {
        // observed: dynalite suite connection.js 'should return IncompleteSignatureException if Authorization header is
        // "AWS4- Signature=b Credential=a"' (parameters split by spaces, commas or both)
        var (type, message) = await ErrorAsync("/", new() { ["Authorization"] = authorization, ["Date"] = "a" });
        Assert.Equal("com.amazon.coral.service#IncompleteSignatureException", type);
        Assert.Equal("Authorization header requires 'SignedHeaders' parameter. Authorization=" + authorization, message);
    }

    [Theory]
    [InlineData("/?X-Amz-Algorithm",
        "AWS query-string parameters must include 'X-Amz-Algorithm'. AWS query-string parameters must include 'X-Amz-Credential'. " +
        "AWS query-string parameters must include 'X-Amz-Signature'. AWS query-string parameters must include 'X-Amz-SignedHeaders'. " +
        "AWS query-string parameters must include 'X-Amz-Date'. Re-examine the query-string parameters.")]
    [InlineData("/?X-Amz-Algorithm=a&X-Amz-Credential=b&X-Amz-Signature=c&X-Amz-Date=d",
        "AWS query-string parameters must include 'X-Amz-SignedHeaders'. Re-examine the query-string parameters.")]
    public async Task IncompleteQuerySignature_ListsTheMissingParameters(string pathAndQuery, string expected)
    {
        // observed: dynalite suite connection.js 'should return IncompleteSignatureException if empty X-Amz-Algorithm
        // query' and '... if missing X-Amz-SignedHeaders query'
        var (type, message) = await ErrorAsync(pathAndQuery, []);
        Assert.Equal("com.amazon.coral.service#IncompleteSignatureException", type);
        Assert.Equal(expected, message);
    }

    [Fact]
    public async Task AnyCompleteSignature_IsServed()
    {
        // The default mode checks the signature's shape only: any key, secret and signature value work.
        var response = await RawHttp.SendAsync(_fixture.Emulator.Endpoint, HttpMethod.Post, "/", "{}", "application/x-amz-json-1.0", RawHttp.Signed(ListTables));
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }
}
