using Aspire.Hosting;
using Aspire.Hosting.DynamoStreams.Local;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hosting.DynamoStreams.Tests;

public class PersistenceModelTests
{
    [Fact]
    public void WithDataDirectory_NoPath_UsesDotDynamostreamsUnderTheAppHost()
    {
        // issue 7 opt-in: persistent data; DESIGN "checkpoints that survive restarts"
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").WithDataDirectory().Resource;

        Assert.Equal(Path.Combine(builder.AppHostDirectory, ".dynamostreams"), pattern.Emulator.DataDirectory);
    }

    [Fact]
    public void WithDataDirectory_RelativePath_ResolvesAgainstTheAppHostDirectory()
    {
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").WithDataDirectory("data/local").Resource;

        Assert.Equal(Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "data", "local")), pattern.Emulator.DataDirectory);
    }

    [Fact]
    public void WithDataDirectory_SetOnOnePattern_AppliesToTheSharedEmulatorAndItsOptions()
    {
        // the emulator is shared: one folder for every pattern, handed to DynamoEmulatorOptions.DataDirectory
        var builder = TestBuilders.Run();
        var folder = Path.Combine(Path.GetTempPath(), "dynamostreams-model");
        var orders = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").WithDataDirectory(folder).Resource;
        var payments = builder.AddDynamoStreamsLambda<HandlerSampleProject>("payments").WithDataDirectory(folder).Resource;

        Assert.Same(orders.Emulator, payments.Emulator);
        Assert.Equal(folder, EmulatorOptionsFactory.Create(orders.Emulator, NullLoggerFactory.Instance).DataDirectory);
    }

    [Fact]
    public void EmulatorOptions_NoDataDirectory_KeepDataInMemory()
    {
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").Resource;

        Assert.Null(EmulatorOptionsFactory.Create(pattern.Emulator, NullLoggerFactory.Instance).DataDirectory);
    }

    [Fact]
    public void WithDataDirectory_TwoPatternsWithDifferentFolders_ThrowsNamingBoth()
    {
        var builder = TestBuilders.Run();
        builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders").WithDataDirectory("a");
        var payments = builder.AddDynamoStreamsLambda<HandlerSampleProject>("payments");

        var error = Assert.Throws<DistributedApplicationException>(() => payments.WithDataDirectory("b"));

        Assert.StartsWith("DynamoStreams pattern 'payments': WithDataDirectory(", error.Message);
        Assert.Contains("one data folder", error.Message);
        Assert.Contains(Path.Combine(builder.AppHostDirectory, "a"), error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad\0path")]
    public void WithDataDirectory_InvalidPath_ThrowsWithTheFix(string path)
    {
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders");

        var error = Assert.Throws<DistributedApplicationException>(() => pattern.WithDataDirectory(path));

        Assert.Contains("is not a valid folder path", error.Message);
    }
}
