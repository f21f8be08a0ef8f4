namespace DynamoStreams.Emulator.DynamoDb.Ttl;

/// <summary>
/// Records a table's time-to-live setting.
/// </summary>
/// <param name="Region">The table's region.</param>
/// <param name="TableName">The table name.</param>
/// <param name="AttributeName">The attribute holding the expiry time in epoch seconds.</param>
/// <param name="Enabled">Whether expired items are deleted.</param>
internal sealed record TtlSetting(string Region, string TableName, string AttributeName, bool Enabled);
