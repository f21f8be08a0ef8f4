using DynamoStreams.Emulator.Hosting;
using DynamoStreams.Emulator.Persistence;

StandaloneSockets.ApplyUnlessSet();

if (!EmulatorCommandLine.TryParse(args, out var parsed, out var error))
{
    if (error is not null)
    {
        await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
        return 2;
    }

    Console.WriteLine(EmulatorCommandLine.Usage);
    return 0;
}

using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console => console.SingleLine = true)
    .SetMinimumLevel(LogLevel.Information)
    .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
    // The host's per-request diagnostics start an Activity and a log scope for every request whenever this category
    // is enabled at any level; it logs nothing the emulator's users read.
    .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None));
var options = new DynamoEmulatorOptions
{
    Port = parsed!.Port,
    Region = parsed.Region,
    AccountId = parsed.AccountId,
    DataDirectory = parsed.DataDirectory,
    AccessKeys = parsed.AccessKeys,
    TableStatusDelay = parsed.TableStatusDelay,
    LoggerFactory = loggerFactory,
};
options.Validate();
await using var app = DynamoEmulator.Build(options, standaloneProgram: true);
try
{
    await app.StartAsync().ConfigureAwait(false);
}
catch (DataDirectoryInUseException exception)
{
    await Console.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
    return 3;
}

var logger = loggerFactory.CreateLogger("DynamoStreams.Emulator");
logger.LogInformation("DynamoDB emulator listening on {Addresses} (default region {Region}); Ctrl+C stops it.", string.Join(", ", app.Urls), options.Region);
await app.WaitForShutdownAsync().ConfigureAwait(false);
return 0;
