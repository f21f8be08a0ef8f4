using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>
/// Implements DeleteTable: the items are gone at once, DescribeTable reports DELETING for
/// <see cref="Hosting.DynamoEmulatorOptions.TableStatusDelay"/>, then ResourceNotFoundException.
/// </summary>
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
        var now = Context.Time.GetUtcNow();
        var table = Context.Store.Find(request.Region, name);
        if (table is null)
        {
            // AWS docs (DeleteTable): "If table is already in the DELETING state, no error is returned."
            var deleting = Context.Store.FindDeleting(request.Region, name, now) ?? throw DynamoDbErrors.TableNotFound(name);
            WriteDeleting(response, deleting, now);
            return;
        }

        // AWS docs (DeleteTable): a CREATING or UPDATING table answers ResourceInUseException; the message is
        // observed: dynalite suite deleteTable.js 'should eventually delete'.
        switch (table.Lifecycle.TableStatus(now))
        {
            case "CREATING":
                throw DynamoDbErrors.ResourceInUse("Attempt to change a resource which is still in use: Table is being created: " + name);
            case "UPDATING":
                throw DynamoDbErrors.ResourceInUse("Attempt to change a resource which is still in use: Table is being updated: " + name);
        }

        if (table.Definition.DeletionProtectionEnabled)
        {
            throw DynamoDbErrors.Validation("Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
        }

        table = Context.Store.Delete(request.Region, name, Context.StatusEnds(now)) ?? throw DynamoDbErrors.TableNotFound(name);
        WriteDeleting(response, table, now);
    }

    private static void WriteDeleting(Utf8JsonWriter response, Storage.StoredTable table, DateTimeOffset now)
    {
        response.WriteStartObject();
        response.WritePropertyName("TableDescription");
        TableDescriptionWriter.Write(response, table, now, "DELETING");
        response.WriteEndObject();
    }
}
