using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Tables;

/// <summary>Reads and checks the <c>TableName</c> member (a name or, where DynamoDB allows it, a table ARN).</summary>
internal static class TableNames
{
    public static string Read(JsonElement body, string member = "TableName", string path = "tableName")
    {
        var name = JsonFields.GetString(body, member);
        var errors = new ValidationErrors();
        errors.CheckName(FromArn(name), path);
        errors.ThrowIfAny();
        return FromArn(name)!;
    }

    /// <summary>Accepts a table ARN where a name is expected, as DynamoDB does.</summary>
    public static string? FromArn(string? nameOrArn)
    {
        if (nameOrArn is null || !nameOrArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return nameOrArn;
        }

        var at = nameOrArn.IndexOf(":table/", StringComparison.Ordinal);
        if (at < 0)
        {
            return nameOrArn;
        }

        var rest = nameOrArn[(at + ":table/".Length)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? rest : rest[..slash];
    }
}
