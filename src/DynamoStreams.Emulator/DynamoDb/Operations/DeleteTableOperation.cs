using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>Implements DeleteTable; the table is gone at once and the response reports it as DELETING.</summary>
internal sealed class DeleteTableOperation : DynamoDbOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public DeleteTableOperation(DynamoDbContext context)
        : base("DeleteTable", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var name = TableNames.Read(request.Body);
        var table = Context.Store.Find(request.Region, name) ?? throw DynamoDbErrors.TableNotFound(name);
        if (table.Definition.DeletionProtectionEnabled)
        {
            throw DynamoDbErrors.Validation("Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
        }

        table = Context.Store.Delete(request.Region, name) ?? throw DynamoDbErrors.TableNotFound(name);
        response.WriteStartObject();
        response.WritePropertyName("TableDescription");
        TableDescriptionWriter.Write(response, table, "DELETING");
        response.WriteEndObject();
    }
}
