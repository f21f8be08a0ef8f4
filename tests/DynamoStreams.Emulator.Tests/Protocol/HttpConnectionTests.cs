using System.Globalization;
using System.Net;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Tests.Infrastructure;

namespace DynamoStreams.Emulator.Tests.Protocol;

/// <summary>The HTTP surface around the JSON protocol: methods, content types, CORS, health text.</summary>
public sealed class HttpConnectionTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public HttpConnectionTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    private Task<RawResponse> SendAsync(HttpMethod method, string? body = null, string? contentType = null, IReadOnlyDictionary<string, string>? headers = null) =>
        RawHttp.SendAsync(_fixture.Emulator.Endpoint, method, "/", body, contentType, headers);

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    public async Task OtherMethod_WithoutOrigin_Returns404UnknownOperationBody(string method)
    {
        // observed: dynalite suite connection.js 'should return 404 if a PUT' / 'a DELETE' / 'if OPTIONS with no auth'
        var response = await SendAsync(new HttpMethod(method));
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("<UnknownOperationException/>\n", response.Text);
        Assert.Equal("29", response.Header("Content-Length"));
        Assert.Equal("3552371480", response.Header("x-amz-crc32"));
        Assert.Matches("^[0-9A-Z]{52}$", response.Header("x-amzn-RequestId"));
    }

    [Fact]
    public async Task Get_Root_ReturnsHealthTextWithLengthAndCrc32()
    {
        // observed: dynalite suite connection.js 'should return 200 if a GET'
        var response = await SendAsync(HttpMethod.Get);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("healthy: dynamodb.us-east-1.amazonaws.com ", response.Text);
        Assert.Equal(response.Body.Length.ToString(CultureInfo.InvariantCulture), response.Header("Content-Length"));
        Assert.Equal(Crc32.Compute(response.Body).ToString(CultureInfo.InvariantCulture), response.Header("x-amz-crc32"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("whatever")]
    [InlineData("application/x-amz-json-1.1")]
    [InlineData("application/jsonasdf")]
    public async Task Post_BodyNotOfAJsonContentType_Returns404(string? contentType)
    {
        // observed: dynalite suite connection.js 'should return 404 if body but no content-type' (and the incorrect,
        // 1.1 and slightly different content types)
        var response = await SendAsync(HttpMethod.Post, "hi", contentType);
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("<UnknownOperationException/>\n", response.Text);
    }

    [Theory]
    [InlineData("application/json", "application/json")]
    [InlineData("application/json;", "application/json")]
    [InlineData("  application/json  ;   asfd", "application/json")]
    [InlineData("application/x-amz-json-1.0", "application/x-amz-json-1.0")]
    [InlineData("application/x-amz-json-1.0;blahblah", "application/x-amz-json-1.0")]
    public async Task Post_NotJsonInAJsonContentType_ReturnsBareSerializationExceptionInTheSameType(string contentType, string answered)
    {
        // observed: dynalite suite connection.js 'should return SerializationException if body is application/json but
        // not JSON' (and the semicolon, spaces and nonsense variants): no message, the request's type echoed back
        var response = await SendAsync(HttpMethod.Post, "hi", contentType);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("""{"__type":"com.amazon.coral.service#SerializationException"}""", response.Text);
        Assert.Equal("3948637019", response.Header("x-amz-crc32"));
        Assert.Equal(answered, response.Header("Content-Type"));
    }

    [Fact]
    public async Task Post_NoTargetNoBody_ReturnsUnknownOperationAsApplicationJson()
    {
        // observed: dynalite suite connection.js 'should return UnknownOperationException if no target'
        var response = await SendAsync(HttpMethod.Post);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("""{"__type":"com.amazon.coral.service#UnknownOperationException"}""", response.Text);
        Assert.Equal("application/json", response.Header("Content-Type"));
    }

    [Fact]
    public async Task Post_UnknownOperationUnsigned_ReturnsUnknownOperationBeforeAuthentication()
    {
        // observed: dynalite suite connection.js 'should return UnknownOperationException if incorrect target operation'
        var response = await SendAsync(HttpMethod.Post, headers: new Dictionary<string, string> { ["X-Amz-Target"] = "DynamoDB_20120810.ListTable" });
        Assert.Equal("""{"__type":"com.amazon.coral.service#UnknownOperationException"}""", response.Text);
    }

    [Fact]
    public async Task Post_WithOrigin_AllowsAnyOriginEvenOnErrors()
    {
        // observed: dynalite suite connection.js 'should return UnknownOperationException and set CORS if using Origin'
        var response = await SendAsync(HttpMethod.Post, headers: new Dictionary<string, string> { ["Origin"] = "whatever" });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("*", response.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Post_WithoutOrigin_SendsNoCorsHeaders()
    {
        // CORS headers only for browsers, which always send Origin on cross-origin requests (Fetch standard)
        var headers = RawHttp.Signed("DynamoDB_20120810.ListTables");
        var response = await SendAsync(HttpMethod.Post, "{}", "application/x-amz-json-1.0", headers);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.DoesNotContain(response.Headers.Keys, name => name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Options_WithOriginHeadersAndMethod_GrantsThemForTwoDays()
    {
        // observed: dynalite suite connection.js 'should set CORS if OPTIONS and Origin and Headers and Method'
        var response = await SendAsync(HttpMethod.Options, headers: new Dictionary<string, string>
        {
            ["Origin"] = "whatever",
            ["Access-Control-Request-Headers"] = "a, b, c",
            ["Access-Control-Request-Method"] = "d",
        });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("*", response.Header("Access-Control-Allow-Origin"));
        Assert.Equal("a, b, c", response.Header("Access-Control-Allow-Headers"));
        Assert.Equal("d", response.Header("Access-Control-Allow-Methods"));
        Assert.Equal("172800", response.Header("Access-Control-Max-Age"));
        Assert.Equal("0", response.Header("Content-Length"));
        Assert.Empty(response.Body);
        Assert.Matches("^[0-9A-Z]{52}$", response.Header("x-amzn-RequestId"));
    }
}
