using System.Text.Json;
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
        // ExclusiveStartTableName and Limit were checked against their constraints with the request's shape.
        var body = request.Body;
        var start = JsonFields.GetString(body, "ExclusiveStartTableName");
        var limit = JsonFields.GetInt64(body, "Limit");
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
