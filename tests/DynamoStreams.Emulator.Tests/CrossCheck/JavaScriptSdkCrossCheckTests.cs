using System.Text.Json;
using DynamoStreams.Emulator.Tests.Infrastructure;

namespace DynamoStreams.Emulator.Tests.CrossCheck;

/// <summary>
/// Issue 3: a second, independent client (the AWS SDK for JavaScript v3) checks a representative set of
/// operations and errors, so the emulator and the .NET tests cannot share one misreading.
/// </summary>
public sealed class JavaScriptSdkCrossCheckTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public JavaScriptSdkCrossCheckTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [NodeFact]
    public async Task JavaScriptSdk_RepresentativeOperationsAndErrors_MatchDynamoDb()
    {
        var script = Path.Combine(NodeRunner.RepositoryRoot, "tests", "DynamoStreams.Emulator.Tests", "CrossCheck", "dynamodb-crosscheck.mjs");
        var output = await NodeRunner.RunAsync(script, [_fixture.Emulator.Endpoint.ToString().TrimEnd('/'), NodeRunner.NodePackagesDirectory], TimeSpan.FromMinutes(2));
        using var document = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var result = document.RootElement;

        Assert.Equal("ACTIVE", result.GetProperty("describeStatus").GetString());
        Assert.Equal("1.5", result.GetProperty("getNumber").GetString());
        Assert.Equal([1, 2], result.GetProperty("getBinary").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("1", result.GetProperty("updatedCount").GetString());
        Assert.Equal(["x"], result.GetProperty("updatedTags").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["4", "3"], result.GetProperty("queryPage1").EnumerateArray().Select(e => e.GetString()));
        Assert.True(result.GetProperty("queryHasNext").GetBoolean());
        Assert.Equal(["2", "1"], result.GetProperty("queryPage2").EnumerateArray().Select(e => e.GetString()));

        // spec E.1 / E.2: error names and texts as the JS SDK reads them from __type and message
        AssertError(result.GetProperty("conditional"), "ConditionalCheckFailedException", "The conditional request failed");
        AssertError(result.GetProperty("keyMismatch"), "ValidationException", "The provided key element does not match the schema");
        AssertError(result.GetProperty("missingTable"), "ResourceNotFoundException", "Requested resource not found");
        var transaction = result.GetProperty("transaction");
        Assert.Equal("TransactionCanceledException", transaction.GetProperty("name").GetString());
        Assert.Equal(["None", "ConditionalCheckFailed"], transaction.GetProperty("reasons").EnumerateArray().Select(e => e.GetString()));
        Assert.True(result.GetProperty("afterCanceled").GetBoolean());
        Assert.Equal("ValidationException", result.GetProperty("batchTooMany").GetProperty("name").GetString());
        Assert.Equal(5, result.GetProperty("scanCount").GetInt32());
    }

    private static void AssertError(JsonElement error, string name, string message)
    {
        Assert.Equal(name, error.GetProperty("name").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal(400, error.GetProperty("status").GetInt32());
    }
}
