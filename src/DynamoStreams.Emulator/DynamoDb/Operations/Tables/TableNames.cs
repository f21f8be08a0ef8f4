using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Tables;

/// <summary>Reads and checks the <c>TableName</c> member (a name or, where DynamoDB allows it, a table ARN).</summary>
internal static class TableNames
{
    [ThreadStatic]
    private static string? t_last;

    public static string Read(JsonElement body, string member = "TableName", string path = "tableName")
    {
        // A client names the same table request after request: the last name read on this thread is reused when it
        // matches, so the name costs no string.
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty(member, out var element) &&
            element.ValueKind == JsonValueKind.String && t_last is { } last && element.ValueEquals(last))
        {
            return last;
        }

        var name = JsonFields.GetString(body, member);
        var errors = new ValidationErrors();
        errors.CheckName(FromArn(name), path);
        errors.ThrowIfAny();
        var read = FromArn(name)!;
        if (ReferenceEquals(read, name))
        {
            t_last = read;
        }

        return read;
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
