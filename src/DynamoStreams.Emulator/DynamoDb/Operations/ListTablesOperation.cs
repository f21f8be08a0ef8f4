using System.Globalization;
using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>Implements ListTables with <c>Limit</c> (1 to 100) and <c>ExclusiveStartTableName</c> paging.</summary>
internal sealed class ListTablesOperation : DynamoDbOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public ListTablesOperation(DynamoDbContext context)
        : base("ListTables", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var body = request.Body;
        var start = JsonFields.GetString(body, "ExclusiveStartTableName");
        var limit = JsonFields.GetInt64(body, "Limit");
        var errors = new ValidationErrors();
        errors.CheckName(start, "exclusiveStartTableName", required: false);
        if (limit is < 1)
        {
            errors.Add(limit.Value.ToString(CultureInfo.InvariantCulture), "limit", "Member must have value greater than or equal to 1");
        }
        else if (limit is > 100)
        {
            errors.Add(limit.Value.ToString(CultureInfo.InvariantCulture), "limit", "Member must have value less than or equal to 100");
        }

        errors.ThrowIfAny();
        var names = Context.Store.ListTableNames(request.Region);
        var take = (int)(limit ?? 100);
        var first = 0;
        if (start is not null)
        {
            while (first < names.Count && string.CompareOrdinal(names[first], start) <= 0)
            {
                first++;
            }
        }

        response.WriteStartObject();
        response.WriteStartArray("TableNames");
        var end = Math.Min(names.Count, first + take);
        for (var i = first; i < end; i++)
        {
            response.WriteStringValue(names[i]);
        }

        response.WriteEndArray();
        if (end < names.Count)
        {
            response.WriteString("LastEvaluatedTableName", names[end - 1]);
        }

        response.WriteEndObject();
    }
}
