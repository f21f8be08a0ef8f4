namespace Writer.Sample;

/// <summary>
/// Holds where and how fast the writer writes.
/// </summary>
/// <param name="OrdersTable">The orders table (the pattern's table).</param>
/// <param name="TotalsTable">The totals table the handler updates; the writer creates it.</param>
/// <param name="Interval">The pause between orders.</param>
/// <param name="Count">How many orders to write (0 = until stopped).</param>
/// <param name="PoisonAfter">After how many orders one malformed order is written (0 = never).</param>
internal sealed record OrderWriterOptions(string OrdersTable, string TotalsTable, TimeSpan Interval, int Count, int PoisonAfter)
{
    /// <summary>
    /// Reads the options from configuration, failing with the missing key's name.
    /// </summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The options.</returns>
    public static OrderWriterOptions From(IConfiguration configuration)
    {
        var orders = configuration["DynamoStreams:orders:TableName"]
            ?? throw new InvalidOperationException("DynamoStreams:orders:TableName is not set: reference the 'orders' pattern with WithReference(orders) in the AppHost.");
        var totals = configuration["TOTALS_TABLE_NAME"]
            ?? throw new InvalidOperationException("TOTALS_TABLE_NAME is not set: give the writer the name of the customer totals table.");
        return new OrderWriterOptions(
            orders,
            totals,
            TimeSpan.FromMilliseconds(configuration.GetValue("Writer:IntervalMs", 3000)),
            configuration.GetValue("Writer:Count", 0),
            configuration.GetValue("Writer:PoisonAfter", 3));
    }
}
