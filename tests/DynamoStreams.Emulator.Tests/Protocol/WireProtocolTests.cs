using System.Net;
using System.Text;
using System.Text.Json;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Tests.Infrastructure;

namespace DynamoStreams.Emulator.Tests.Protocol;

public sealed class WireProtocolTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public WireProtocolTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(string? target, string body)
    {
        using var http = new HttpClient { BaseAddress = _fixture.Emulator.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.0");
        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=abc");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20250101T000000Z");
        var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var document = JsonDocument.Parse(bytes);
        return (response.StatusCode, document.RootElement.Clone(), response);
    }

    [Fact]
    public async Task UnknownTarget_AnyBody_Returns400UnknownOperationException()
    {
        // spec E.4 #7, E.1: unknown target → 400 com.amazon.coral.service#UnknownOperationException
        var (status, body, _) = await PostAsync("DynamoDB_20120810.MakeCoffee", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("com.amazon.coral.service#UnknownOperationException", body.GetProperty("__type").GetString());
    }

    [Fact]
    public async Task MalformedJson_KnownTarget_Returns400SerializationException()
    {
        // spec E.4 #7: malformed JSON → 400 SerializationException
        var (status, body, _) = await PostAsync("DynamoDB_20120810.ListTables", "{\"Limit\": ");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("com.amazon.coral.service#SerializationException", body.GetProperty("__type").GetString());
    }

    [Theory]
    [InlineData("PutItem", """{"TableName":"t","Item":{"a":{"S":34.56}}}""", "DECIMAL_VALUE cannot be converted to String")]
    [InlineData("Query", """{"TableName":"t","Limit":"5"}""", "STRING_VALUE cannot be converted to Integer")]
    [InlineData("GetItem", """{"TableName":"t","ConsistentRead":"23"}""", "Unexpected token received from parser")]
    [InlineData("PutItem", """{"TableName":"t","Item":7}""", "Unexpected field type")]
    [InlineData("BatchGetItem", """{"RequestItems":{"t":true}}""", "Unexpected value type in payload")]
    [InlineData("GetItem", """{"TableName":"t","Key":[]}""", "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>")]
    public async Task WrongMemberType_AnyDepth_ReportsTheDeserializerText(string operation, string json, string message)
    {
        // spec E.1: the body is checked against the operation's input shape before the operation runs
        var (status, body, _) = await PostAsync("DynamoDB_20120810." + operation, json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("com.amazon.coral.service#SerializationException", body.GetProperty("__type").GetString());
        Assert.Equal(message, body.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task WrongMemberType_KnownTarget_Returns400SerializationException()
    {
        // spec E.1: a member of the wrong JSON type is a serialization error, not validation
        var (status, body, _) = await PostAsync("DynamoDB_20120810.DescribeTable", "{\"TableName\": 12}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("com.amazon.coral.service#SerializationException", body.GetProperty("__type").GetString());
        // DynamoDB names the member "Message" in SerializationException bodies only.
        Assert.Equal("NUMBER_VALUE cannot be converted to String", body.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task AnyResponse_Always_CarriesRequestIdAndMatchingCrc32()
    {
        // spec E.1: x-amzn-RequestId on every response; x-amz-crc32 is the IEEE CRC32 of the exact body
        var (_, _, response) = await PostAsync("DynamoDB_20120810.ListTables", "{}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(52, response.Headers.GetValues("x-amzn-RequestId").Single().Length);
        Assert.Equal(Crc32.Compute(bytes).ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("x-amz-crc32").Single());
        Assert.Equal("application/x-amz-json-1.0", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task ValidationError_MissingTableName_UsesCoralValidateNamespace()
    {
        // spec E.1: validation errors use com.amazon.coral.validate#ValidationException
        var (status, body, _) = await PostAsync("DynamoDB_20120810.GetItem", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("com.amazon.coral.validate#ValidationException", body.GetProperty("__type").GetString());
        Assert.Equal(
            "2 validation errors detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null; " +
            "Value null at 'key' failed to satisfy constraint: Member must not be null",
            body.GetProperty("message").GetString());
    }

    [Fact]
    public void Crc32_KnownVector_MatchesIeee()
    {
        // spec E.1: IEEE CRC32 ("123456789" → 0xCBF43926)
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    [Theory]
    [InlineData("DescribeTable", """{"TableName":"t\ud800"}""", "TableName")]
    [InlineData("PutItem", """{"TableName":"t","Item":{"pk":{"S":"\udc00"}}}""", "S")]
    [InlineData("PutItem", """{"TableName":"t","Item":{"\ud800":{"S":"a"}}}""", "Item")]
    public async Task LoneSurrogateEscape_AnyMember_ReturnsSerializationExceptionNamingIt(string operation, string json, string member)
    {
        // A JSON escape of half a surrogate pair is no Unicode text (RFC 8259 section 8.2): a clear 400, never a 500.
        var (status, body, _) = await PostAsync("DynamoDB_20120810." + operation, json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("com.amazon.coral.service#SerializationException", body.GetProperty("__type").GetString());
        Assert.Contains($"'{member}'", body.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscapedSurrogatePair_InAnItem_IsStoredAsTheCharacter()
    {
        // RFC 8259 section 7: a character outside the BMP is escaped as a surrogate pair, "\ud83d\ude00"
        var table = await Infrastructure.Tables.CreateAsync(_fixture.Client);
        var (status, _, _) = await PostAsync("DynamoDB_20120810.PutItem", $$$$"""{"TableName":"{{{{table}}}}","Item":{"pk":{"S":"\\x\ud83d\ude00"}}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var item = await _fixture.Client.GetItemAsync(table, new() { ["pk"] = new Amazon.DynamoDBv2.Model.AttributeValue("\\x\U0001F600") });
        Assert.NotNull(item.Item);
        Assert.NotEmpty(item.Item);
    }

    [Theory]
    [InlineData("DynamoDB_20120810.DescribeTable")]
    [InlineData("AmazonSQS.CreateQueue")]
    [InlineData("DynamoDBStreams_20120810.DescribeStream")]
    public async Task BytesThatAreNotUtf8_InAString_ReturnBareSerializationException(string target)
    {
        // RFC 8259 section 8.1: JSON text exchanged between systems is UTF-8; 0xFF never occurs in UTF-8 (RFC 3629)
        var body = "{\"Name\":\"a_b\"}"u8.ToArray();
        body[Array.IndexOf(body, (byte)'_')] = 0xFF;
        var response = await RawHttp.SendBytesAsync(_fixture.Emulator.Endpoint, HttpMethod.Post, "/", body, "application/x-amz-json-1.0", RawHttp.Signed(target));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("""{"__type":"com.amazon.coral.service#SerializationException"}""", response.Text);
    }
}
