using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb;
using DynamoStreams.Emulator.Errors;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.Operations.Tables;

/// <summary>Implements DescribeContinuousBackups.</summary>
public sealed class DescribeContinuousBackupsOperation : DynamoDbOperation
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
