namespace Handler.Sample.Orders;

/// <summary>
/// Stores the running totals per customer.
/// </summary>
public interface ICustomerTotals
{
    /// <summary>
    /// Adds a delta to a customer's totals, creating them at zero first if needed.
    /// </summary>
    /// <param name="delta">The change.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write is durable.</returns>
    Task ApplyAsync(CustomerDelta delta, CancellationToken cancellationToken);
}
