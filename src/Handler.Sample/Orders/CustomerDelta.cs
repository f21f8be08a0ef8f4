namespace Handler.Sample.Orders;

/// <summary>
/// A change to one customer's running totals caused by one order change.
/// </summary>
/// <param name="CustomerId">The customer whose totals change.</param>
/// <param name="OrderCount">The change in the number of orders: +1, 0 or -1.</param>
/// <param name="Amount">The change in the total amount.</param>
public sealed record CustomerDelta(string CustomerId, int OrderCount, decimal Amount);
