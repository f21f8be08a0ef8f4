using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>Implements DescribeTable, including the CREATING, UPDATING and DELETING statuses of <see cref="Storage.TableLifecycle"/>.</summary>
internal sealed class DescribeTableOperation : DynamoDbOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public DescribeTableOperation(DynamoDbContext context)
        : base("DescribeTable", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var name = TableNames.Read(request.Body);
        var now = Context.Time.GetUtcNow();
        var table = Context.Store.Find(request.Region, name);
        string? status = null;
        if (table is null)
        {
            table = Context.Store.FindDeleting(request.Region, name, now) ?? throw DynamoDbErrors.TableNotFound(name);
            status = "DELETING";
        }

        response.WriteStartObject();
        response.WritePropertyName("Table");
        TableDescriptionWriter.Write(response, table, now, status);
        response.WriteEndObject();
    }
}
