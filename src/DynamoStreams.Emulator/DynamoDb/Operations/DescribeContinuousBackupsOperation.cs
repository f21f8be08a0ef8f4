using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>Implements DescribeContinuousBackups.</summary>
internal sealed class DescribeContinuousBackupsOperation : DynamoDbOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public DescribeContinuousBackupsOperation(DynamoDbContext context)
        : base("DescribeContinuousBackups", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var name = TableNames.Read(request.Body);
        var table = Context.Store.Find(request.Region, name)
            ?? throw new AwsServiceException(DynamoDbErrors.DynamoNamespace + "TableNotFoundException", "Table not found: " + name);
        ContinuousBackupsWriter.Write(response, table.Definition, Context.Time.GetUtcNow());
    }
}
