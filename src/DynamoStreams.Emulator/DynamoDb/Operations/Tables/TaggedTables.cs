using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Storage;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Tables;

/// <summary>Resolves a <c>ResourceArn</c> of the tagging operations to a table.</summary>
internal static class TaggedTables
{
    public static StoredTable Find(DynamoDbContext context, string region, string? arn)
    {
        if (arn is null)
        {
            var errors = new ValidationErrors();
            errors.NotNull("resourceArn");
            errors.ThrowIfAny();
        }

        var parts = arn!.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "dynamodb" || !parts[5].StartsWith("table/", StringComparison.Ordinal))
        {
            throw DynamoDbErrors.Validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }

        var name = parts[5]["table/".Length..];
        var table = context.Store.Find(parts[3].Length > 0 ? parts[3] : region, name);
        if (table is null || table.Definition.Arn != arn)
        {
            throw DynamoDbErrors.ResourceNotFound("Requested resource not found: ResourcArn: " + arn + " not found");
        }

        return table;
    }
}
