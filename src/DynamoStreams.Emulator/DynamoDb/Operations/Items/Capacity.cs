using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Tables;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// Computes and writes <c>ConsumedCapacity</c> as DynamoDB meters it: a write unit per started KB,
/// a read unit per started 4 KB (half for eventually consistent reads), doubled in transactions.
/// </summary>
internal static class Capacity
{
    public static double WriteUnits(long sizeBytes) => Math.Max(1, Math.Ceiling(sizeBytes / 1024.0));

    public static double ReadUnits(long sizeBytes, bool consistent)
    {
        var units = Math.Max(1, Math.Ceiling(sizeBytes / 4096.0));
        return consistent ? units : units / 2;
    }

    /// <summary>Writes one ConsumedCapacity object (TOTAL or INDEXES), or nothing for NONE.</summary>
    /// <remarks>
    /// Real DynamoDB adds <c>ReadCapacityUnits</c>/<c>WriteCapacityUnits</c> only for transactions
    /// (characterised in github.com/paritysuite/dynamodb-conformance issue 69; the dynalite suite,
    /// recorded against DynamoDB, expects the aggregate alone for the other operations).
    /// </remarks>
    /// <param name="writer">The response writer.</param>
    /// <param name="mode">The ReturnConsumedCapacity value.</param>
    /// <param name="tableName">The table name.</param>
    /// <param name="tableUnits">The units consumed on the table itself.</param>
    /// <param name="indexName">The secondary index read, or <see langword="null"/>.</param>
    /// <param name="indexUnits">The units consumed on that index.</param>
    /// <param name="globalIndex">Whether the index is global (reported under GlobalSecondaryIndexes).</param>
    /// <param name="split">Whether to repeat the total as read or write units (transactions).</param>
    public static void WriteObject(Utf8JsonWriter writer, string mode, string tableName, double tableUnits, string? indexName = null, double indexUnits = 0, bool globalIndex = false, CapacitySplit split = CapacitySplit.None)
    {
        if (mode == "NONE")
        {
            return;
        }

        var units = tableUnits + indexUnits;
        writer.WriteStartObject();
        writer.WriteString("TableName", tableName);
        writer.WriteNumber("CapacityUnits", units);
        if (split != CapacitySplit.None)
        {
            writer.WriteNumber(split == CapacitySplit.Write ? "WriteCapacityUnits" : "ReadCapacityUnits", units);
        }

        if (mode == "INDEXES")
        {
            writer.WriteStartObject("Table");
            writer.WriteNumber("CapacityUnits", tableUnits);
            writer.WriteEndObject();
            if (indexName is not null)
            {
                writer.WriteStartObject(globalIndex ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes");
                writer.WriteStartObject(indexName);
                writer.WriteNumber("CapacityUnits", indexUnits);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the <c>ConsumedCapacity</c> member of a single-table response.</summary>
    /// <param name="writer">The response writer.</param>
    /// <param name="mode">The ReturnConsumedCapacity value.</param>
    /// <param name="table">The table.</param>
    /// <param name="tableUnits">The units consumed on the table itself.</param>
    /// <param name="indexName">The secondary index read, or <see langword="null"/>.</param>
    /// <param name="indexUnits">The units consumed on that index.</param>
    public static void WriteMember(Utf8JsonWriter writer, string mode, TableDefinition table, double tableUnits, string? indexName = null, double indexUnits = 0)
    {
        if (mode == "NONE")
        {
            return;
        }

        writer.WritePropertyName("ConsumedCapacity");
        WriteObject(writer, mode, table.Name, tableUnits, indexName, indexUnits, indexName is not null && IsGlobalIndex(table, indexName));
    }

    // Apart from WriteMember: a lambda capturing its parameter there would allocate on every call, NONE included.
    private static bool IsGlobalIndex(TableDefinition table, string indexName) => table.GlobalSecondaryIndexes.Any(g => g.Name == indexName);
}
