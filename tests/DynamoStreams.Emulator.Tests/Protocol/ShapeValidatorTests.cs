using System.Text.Json;
using DynamoStreams.Emulator.Protocol.Errors;
using DynamoStreams.Emulator.Protocol.Shapes;

namespace DynamoStreams.Emulator.Tests.Protocol;

public class ShapeValidatorTests
{
    // The constraint walk runs on every request: a valid GetItem or PutItem must cost no allocation in it
    // (issue 15: no per-request error lists when nothing is wrong). Allocation counts are deterministic, unlike timings.
    [Theory]
    [InlineData("GetItem", """{"TableName":"orders","Key":{"pk":{"S":"a"},"sk":{"N":"1"}},"ConsistentRead":true,"ReturnConsumedCapacity":"TOTAL"}""")]
    [InlineData("PutItem", """{"TableName":"orders","Item":{"pk":{"S":"a"},"m":{"M":{"x":{"L":[{"BOOL":true},{"NULL":true}]}}},"ss":{"SS":["a","b"]}},"ReturnValues":"ALL_OLD"}""")]
    [InlineData("BatchWriteItem", """{"RequestItems":{"orders":[{"PutRequest":{"Item":{"pk":{"S":"a"}}}},{"DeleteRequest":{"Key":{"pk":{"S":"b"}}}}]}}""")]
    public void Validate_ValidRequest_AllocatesNothing(string operation, string json)
    {
        using var document = JsonDocument.Parse(json);
        var input = DynamoDbShapes.InputOf(operation)!;
        for (var i = 0; i < 100; i++)
        {
            ShapeValidator.Validate(document.RootElement, input);
        }

        // The best of three rounds: a round can see a one-off runtime allocation (tiered recompilation) on the thread.
        var least = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                ShapeValidator.Validate(document.RootElement, input);
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, least);
    }

    [Fact]
    public void Validate_TypeFaultAfterConstraintFault_ReportsTheTypeFault()
    {
        // observed: dynalite suite putItem.js 'serializations' (a deserializer fault anywhere wins over the validator's list)
        using var document = JsonDocument.Parse("""{"TableName":"a;","ReturnValues":"hi","Item":{"a":{"S":5}}}""");
        var error = Assert.Throws<AwsServiceException>(() => ShapeValidator.Validate(document.RootElement, DynamoDbShapes.InputOf("PutItem")!));
        Assert.Equal("NUMBER_VALUE cannot be converted to String", error.Message);
    }

    [Theory]
    [InlineData("23", false)]
    [InlineData("yes", true)]
    [InlineData("0", true)]
    [InlineData("1", true)]
    public void Validate_StringForBoolean_RefusesOnlyOtherNumbers(string text, bool accepted)
    {
        // observed: dynalite suite helpers assertType 'Boolean' ('23' → Unexpected token received from parser) and
        // putItem.js / updateItem.js ({"NULL":"no"}, {"BOOL":"0"} reach the validator)
        using var document = JsonDocument.Parse("{\"TableName\":\"abc\",\"Key\":{},\"ConsistentRead\":\"" + text + "\"}");
        var input = DynamoDbShapes.InputOf("GetItem")!;
        if (accepted)
        {
            ShapeValidator.Validate(document.RootElement, input);
        }
        else
        {
            Assert.Equal("Unexpected token received from parser",
                Assert.Throws<AwsServiceException>(() => ShapeValidator.Validate(document.RootElement, input)).Message);
        }
    }
}
