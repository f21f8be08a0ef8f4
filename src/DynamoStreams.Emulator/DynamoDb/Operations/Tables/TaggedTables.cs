using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Tables;

/// <summary>
/// Resolves the <c>ResourceArn</c> of the tagging operations to a table, in DynamoDB's order: a missing ARN first,
/// then an ARN that names no resource at all (denied, as IAM would), then, after the operation's member checks, an
/// ARN that is not a valid table ARN, and last a table that does not exist.
/// </summary>
internal static class TaggedTables
{
    private const int MinTableName = 3;
    private const int MaxTableName = 255;

    /// <summary>Reads the ARN and rejects one that is missing or does not name a resource (<c>...:service:region:account:type/name</c>).</summary>
    /// <param name="request">The request.</param>
    /// <param name="operation">The operation's name, for the access-denied text.</param>
    /// <returns>The ARN as sent.</returns>
    public static string ReadArn(AwsRequest request, string operation)
    {
        var arn = JsonFields.GetString(request.Body, "ResourceArn") ?? throw DynamoDbErrors.Validation("Invalid TableArn");
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || !parts[5].Contains('/', StringComparison.Ordinal))
        {
            throw AccessDeniedError.Create(request.AccountId, operation, arn);
        }

        return arn;
    }

    /// <summary>Checks that the ARN is a DynamoDB table ARN with a valid table name.</summary>
    /// <param name="arn">The ARN read by <see cref="ReadArn"/>.</param>
    /// <returns>The region and table name in the ARN.</returns>
    public static (string Region, string Name) ParseTableArn(string arn)
    {
        var parts = arn.Split(':', 6);
        var name = parts[5].StartsWith("table/", StringComparison.Ordinal) ? parts[5]["table/".Length..] : string.Empty;
        if (parts[0] != "arn" || parts[2] != "dynamodb" || !IsTableName(name))
        {
            throw DynamoDbErrors.Validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }

        return (parts[3], name);
    }

    /// <summary>Finds the table the ARN names.</summary>
    /// <param name="context">The shared context.</param>
    /// <param name="region">The request's region, used when the ARN names none.</param>
    /// <param name="arn">The ARN read by <see cref="ReadArn"/>.</param>
    /// <param name="notFoundMessage">The operation's text for a table that does not exist.</param>
    /// <returns>The table.</returns>
    public static StoredTable Find(DynamoDbContext context, string region, string arn, string notFoundMessage)
    {
        var (arnRegion, name) = ParseTableArn(arn);
        var table = context.Store.Find(arnRegion.Length > 0 ? arnRegion : region, name);
        if (table is null || table.Definition.Arn != arn)
        {
            throw DynamoDbErrors.ResourceNotFound(notFoundMessage);
        }

        return table;
    }

    /// <summary>The text TagResource and ListTagsOfResource send for a table that does not exist.</summary>
    /// <param name="arn">The ARN.</param>
    /// <returns>The message.</returns>
    public static string NotFoundMessage(string arn) => "Requested resource not found: ResourcArn: " + arn + " not found";

    private static bool IsTableName(string name) =>
        name.Length is >= MinTableName and <= MaxTableName && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}
