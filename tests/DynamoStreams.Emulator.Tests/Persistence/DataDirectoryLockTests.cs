using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DynamoStreams.Emulator.Hosting;
using DynamoStreams.Emulator.Persistence;

namespace DynamoStreams.Emulator.Tests.Persistence;

/// <summary>One emulator per data directory, and tag changes logged at once (issue 4 persistence).</summary>
public sealed class DataDirectoryLockTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dse-lock-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task StartAsync_SecondInProcessEmulatorOnSameDirectory_ThrowsNamingFolderAndProcess()
    {
        // issue 4 persistence: a second emulator on the same folder fails at start with a clear message
        await using (var first = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, DataDirectory = _directory }))
        {
            var error = await Assert.ThrowsAsync<DataDirectoryInUseException>(() => DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, DataDirectory = _directory }));
            Assert.Equal(Path.GetFullPath(_directory), error.Directory);
            Assert.Contains(Path.GetFullPath(_directory), error.Message, StringComparison.Ordinal);
            Assert.Contains($"process {Environment.ProcessId} ", error.Message, StringComparison.Ordinal);
            Assert.Contains("--data-dir", error.Message, StringComparison.Ordinal);

            // The first one is unaffected.
            using var db = EmulatorProcess.CreateClient(first.Endpoint.ToString());
            Assert.Empty((await db.ListTablesAsync()).TableNames);
        }

        // Released at dispose: the directory can be opened again.
        await using var third = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, DataDirectory = _directory });
    }

    [Fact]
    public async Task StandaloneProcess_DirectoryHeldByAnotherProcess_FailsAtStartNamingTheHolder()
    {
        // issue 4 persistence: the lock holds across processes, both ways
        using (var standalone = await EmulatorProcess.StartAsync(_directory))
        {
            var error = await Assert.ThrowsAsync<DataDirectoryInUseException>(() => DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, DataDirectory = _directory }));
            Assert.Contains($"process {standalone.ProcessId} ", error.Message, StringComparison.Ordinal);
        }

        await using var inProcess = await DynamoEmulator.StartAsync(new DynamoEmulatorOptions { TableStatusDelay = TimeSpan.Zero, DataDirectory = _directory });
        var (exitCode, stderr) = await EmulatorProcess.RunToExitAsync(_directory);
        Assert.Equal(3, exitCode);
        Assert.Contains($"The data directory {Path.GetFullPath(_directory)} is in use by another emulator (process {Environment.ProcessId} ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TagResource_ThenSigkill_TagsSurviveFromTheLog()
    {
        // issue 4 persistence: tag changes are in the write-ahead log at once, not only in the next snapshot
        string arn;
        using (var first = await EmulatorProcess.StartAsync(_directory))
        {
            using var db = EmulatorProcess.CreateClient(first.Endpoint);
            arn = (await db.CreateTableAsync(new CreateTableRequest
            {
                TableName = "tagged",
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
                Tags = [new Tag { Key = "team", Value = "payments" }],
            })).TableDescription.TableArn;
            await db.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "env", Value = "dev" }, new Tag { Key = "tmp", Value = "x" }] });
            await db.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = ["tmp"] });
            first.Kill();
        }

        using var second = await EmulatorProcess.StartAsync(_directory);
        using var db2 = EmulatorProcess.CreateClient(second.Endpoint);
        var tags = (await db2.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = arn })).Tags;
        Assert.Equal(["env=dev", "team=payments"], tags.Select(t => $"{t.Key}={t.Value}").Order());
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
