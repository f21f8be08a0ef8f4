using DynamoStreams.Emulator.Hosting;

namespace DynamoStreams.Emulator.Tests.Hosting;

public sealed class EmulatorCommandLineTests
{
    [Fact]
    public void StrictAuth_RepeatedKeyIdAndSecret_TurnsStrictModeOnWithEveryKey()
    {
        // The secret is everything after the first colon (AWS secrets may contain '/', '+' and, here, ':').
        Assert.True(EmulatorCommandLine.TryParse(["--strict-auth", "AKIDA:se:cret/+x", "--strict-auth", "AKIDB:other"], out var options, out var error));

        Assert.Null(error);
        Assert.Equal(new Dictionary<string, string> { ["AKIDA"] = "se:cret/+x", ["AKIDB"] = "other" }, options!.AccessKeys);
    }

    [Fact]
    public void NoStrictAuth_AcceptsAnyCredentials()
    {
        Assert.True(EmulatorCommandLine.TryParse([], out var options, out _));

        Assert.Null(options!.AccessKeys);
    }

    [Theory]
    [InlineData("AKIDONLY")]
    [InlineData(":secret")]
    [InlineData("AKID:")]
    public void StrictAuth_NotKeyColonSecret_FailsNamingTheFlagAndTheForm(string value)
    {
        Assert.False(EmulatorCommandLine.TryParse(["--strict-auth", value], out _, out var error));

        Assert.StartsWith("--strict-auth needs an access key id and its secret access key separated by a colon", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_DocumentsStrictAuth()
    {
        Assert.Contains("--strict-auth <key-id>:<secret>", EmulatorCommandLine.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_EmptyAccessKeys_FailValidationNamingTheOption()
    {
        var options = new DynamoEmulatorOptions { AccessKeys = new Dictionary<string, string>() };

        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.StartsWith("DynamoEmulatorOptions.AccessKeys must map at least one", error.Message, StringComparison.Ordinal);
    }
}
