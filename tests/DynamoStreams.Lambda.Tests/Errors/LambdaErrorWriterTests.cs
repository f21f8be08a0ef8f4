using System.Buffers;
using System.Text.Json;

namespace DynamoStreams.Lambda.Tests.Errors;

public class LambdaErrorWriterTests
{
    // spec C.1: error body {"errorMessage","errorType","stackTrace":[...]}; errorType is the exception's simple name
    [Fact]
    public void Write_ThrownException_WritesMessageTypeAndStackTrace()
    {
        using var body = Write(Thrown(new InvalidOperationException("Order \"42\" has no amount é")));

        var root = body.RootElement;
        Assert.Equal("Order \"42\" has no amount é", root.GetProperty("errorMessage").GetString());
        Assert.Equal("InvalidOperationException", root.GetProperty("errorType").GetString());
        var lines = root.GetProperty("stackTrace").EnumerateArray().Select(l => l.GetString()!).ToArray();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.StartsWith("at ", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(nameof(Thrown), StringComparison.Ordinal));
    }

    // spec C.1 (.NET adds cause/causes): inner exceptions become cause, aggregate members causes
    [Fact]
    public void Write_NestedExceptions_WritesCauseAndCauses()
    {
        var aggregate = new AggregateException("batch failed", new TimeoutException("slow"), new FormatException("bad"));
        var outer = new InvalidOperationException("outer", aggregate);

        using var body = Write(outer);

        var cause = body.RootElement.GetProperty("cause");
        Assert.Equal("AggregateException", cause.GetProperty("errorType").GetString());
        Assert.Equal(["TimeoutException", "FormatException"], cause.GetProperty("causes").EnumerateArray().Select(c => c.GetProperty("errorType").GetString()));
        Assert.False(body.RootElement.TryGetProperty("stackTrace", out _));
    }

    // spec C.1: bodies over 256 KB are replaced by Lambda's truncation notice
    [Fact]
    public void Write_HugeMessage_WritesTruncationNotice()
    {
        using var body = Write(new InvalidOperationException(new string('x', 300 * 1024)));

        Assert.Equal("Exception exceeded maximum payload size of 256KB.", body.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("InvalidOperationException", body.RootElement.GetProperty("errorType").GetString());
    }

    // spec C.1: the writer replaces whatever the buffer held (the runtime reuses one buffer)
    [Fact]
    public void Write_NonEmptyBuffer_ReplacesContents()
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("previous response"u8);

        LambdaErrorWriter.Write(new InvalidOperationException("x"), buffer);

        using var body = JsonDocument.Parse(buffer.WrittenMemory);
        Assert.Equal("x", body.RootElement.GetProperty("errorMessage").GetString());
    }

    private static JsonDocument Write(Exception exception)
    {
        var buffer = new ArrayBufferWriter<byte>();
        LambdaErrorWriter.Write(exception, buffer);
        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
