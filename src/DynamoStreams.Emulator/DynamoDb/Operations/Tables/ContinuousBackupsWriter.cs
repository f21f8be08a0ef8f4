using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Tables;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Tables;

/// <summary>Writes <c>ContinuousBackupsDescription</c> (backups always enabled; point-in-time recovery as set).</summary>
internal static class ContinuousBackupsWriter
{
    public static void Write(Utf8JsonWriter writer, TableDefinition definition, DateTimeOffset now)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("ContinuousBackupsDescription");
        writer.WriteString("ContinuousBackupsStatus", "ENABLED");
        writer.WriteStartObject("PointInTimeRecoveryDescription");
        writer.WriteString("PointInTimeRecoveryStatus", definition.PointInTimeRecoveryEnabled ? "ENABLED" : "DISABLED");
        if (definition.PointInTimeRecoveryEnabled)
        {
            writer.WriteNumber("EarliestRestorableDateTime", definition.CreationDateTime.ToUnixTimeMilliseconds() / 1000.0);
            writer.WriteNumber("LatestRestorableDateTime", now.AddMinutes(-5).ToUnixTimeMilliseconds() / 1000.0);
            writer.WriteNumber("RecoveryPeriodInDays", 35);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
