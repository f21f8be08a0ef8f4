using Aspire.Hosting.DynamoStreams.Cdk.Deployment;

namespace Hosting.DynamoStreams.Cdk.Tests.Deployment;

public sealed class StackOutputsTests : IDisposable
{
    private readonly string _file = Path.Combine(Directory.CreateTempSubdirectory("dynamostreams-outputs-").FullName, "orders.outputs.json");

    // issue 8 (deploy): the CLI's --outputs-file is read per stack, the region comes from the table ARN
    [Fact]
    public void Read_OutputsFileWithTwoStacks_ReadsTheRequestedStack()
    {
        File.WriteAllText(_file, """{ "audit": { "TableName": "other" }, "orders": { "TableName": "t", "TableArn": "arn:aws:dynamodb:us-west-2:1:table/t" } }""");

        var outputs = DynamoStreamsStackOutputs.Read(_file, "orders");

        Assert.NotNull(outputs);
        Assert.Equal("t", outputs.TableName);
        Assert.Equal("us-west-2", outputs.Region);
        Assert.Null(outputs.DeadLetterQueueUrl);
    }

    // issue 8 (deploy): no file, or no such stack in it, means "not deployed from here"
    [Fact]
    public void Read_MissingFileOrStack_ReturnsNull()
    {
        Assert.Null(DynamoStreamsStackOutputs.Read(_file, "orders"));
        File.WriteAllText(_file, """{ "audit": { "TableName": "other" } }""");
        Assert.Null(DynamoStreamsStackOutputs.Read(_file, "orders"));
    }

    // issue 8 (deploy): a damaged file says what it is and how to recover
    [Fact]
    public void Read_NotJson_ThrowsSayingToDeployAgain()
    {
        File.WriteAllText(_file, "not json");

        var ex = Assert.Throws<InvalidDataException>(() => DynamoStreamsStackOutputs.Read(_file, "orders"));

        Assert.Contains("Delete it and deploy again", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);
}
