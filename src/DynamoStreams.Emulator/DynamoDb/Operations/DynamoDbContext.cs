using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Storage;
using DynamoStreams.Emulator.Hosting;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>
/// Gives DynamoDB operations what they share: the table store, the clock and the emulator options.
/// </summary>
internal sealed class DynamoDbContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="store">The table store.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="options">The emulator options.</param>
    public DynamoDbContext(ITableStore store, TimeProvider timeProvider, DynamoEmulatorOptions options)
    {
        Store = store;
        Time = timeProvider;
        Options = options;
        TransactionTokens = new Operations.Items.TransactionTokens(timeProvider);
    }

    /// <summary>Gets the client request tokens of recent transactions.</summary>
    public Operations.Items.TransactionTokens TransactionTokens { get; }

    /// <summary>Gets the table store.</summary>
    public ITableStore Store { get; }

    /// <summary>Gets the clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Gets the emulator options.</summary>
    public DynamoEmulatorOptions Options { get; }

    /// <summary>
    /// Finds a table for a data-plane operation or throws DynamoDB's <c>ResourceNotFoundException</c>, which DynamoDB
    /// also answers while the table is still CREATING.
    /// </summary>
    /// <param name="region">The caller's region.</param>
    /// <param name="tableName">The table name.</param>
    /// <returns>The table.</returns>
    public StoredTable GetTable(string region, string tableName)
    {
        var table = Store.Find(region, tableName);
        if (table is null || table.Lifecycle.IsCreating(Time.GetUtcNow()))
        {
            throw DynamoDbErrors.ResourceNotFound();
        }

        return table;
    }

    /// <summary>Gets the instant a table, index or update started now reports ACTIVE (<see cref="DynamoEmulatorOptions.TableStatusDelay"/> from now).</summary>
    /// <param name="now">The current instant.</param>
    /// <returns>The instant the transient status ends.</returns>
    public DateTimeOffset StatusEnds(DateTimeOffset now) => now + Options.TableStatusDelay;
}
