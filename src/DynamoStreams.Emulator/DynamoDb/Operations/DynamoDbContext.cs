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

    /// <summary>Finds a table for a data-plane operation or throws DynamoDB's <c>ResourceNotFoundException</c>.</summary>
    /// <param name="region">The caller's region.</param>
    /// <param name="tableName">The table name.</param>
    /// <returns>The table.</returns>
    public StoredTable GetTable(string region, string tableName) =>
        Store.Find(region, tableName) ?? throw DynamoDbErrors.ResourceNotFound();
}
