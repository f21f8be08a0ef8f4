using System.Globalization;
using DynamoStreams.Lambda.DynamoDBEvents;

namespace Handler.Sample.Orders;

/// <summary>
/// Turns an orders-table stream record into the changes it makes to customer totals. An order item carries
/// <c>customerId</c> (S) and <c>amount</c> (N); the stream must carry both images (<c>NEW_AND_OLD_IMAGES</c>).
/// </summary>
public static class OrderRecordParser
{
    /// <summary>The attribute holding the customer of an order.</summary>
    public const string CustomerIdAttribute = "customerId";

    /// <summary>The attribute holding the amount of an order.</summary>
    public const string AmountAttribute = "amount";

    /// <summary>
    /// Computes the customer deltas of a record, or explains why the record is malformed.
    /// </summary>
    /// <param name="record">The stream record.</param>
    /// <param name="deltas">The deltas (empty when the change does not affect totals).</param>
    /// <param name="error">Why the record cannot be processed; <see langword="null"/> on success.</param>
    /// <returns><see langword="true"/> when the record is well formed.</returns>
    public static bool TryParse(DynamoDBEvent.DynamodbStreamRecord record, out IReadOnlyList<CustomerDelta> deltas, out string? error)
    {
        ArgumentNullException.ThrowIfNull(record);
        deltas = [];
        var body = record.Dynamodb;
        if (body is null)
        {
            error = "The record has no 'dynamodb' body.";
            return false;
        }

        Order? before = null;
        Order? after = null;
        error = record.EventName switch
        {
            "INSERT" => Read(body.NewImage, "NewImage", out after),
            "REMOVE" => Read(body.OldImage, "OldImage", out before),
            "MODIFY" => Read(body.OldImage, "OldImage", out before) ?? Read(body.NewImage, "NewImage", out after),
            _ => $"Unknown eventName '{record.EventName}': expected INSERT, MODIFY or REMOVE.",
        };
        if (error is not null)
        {
            return false;
        }

        deltas = Deltas(before, after);
        return true;
    }

    private static List<CustomerDelta> Deltas(Order? before, Order? after)
    {
        if (before is not null && after is not null && before.CustomerId == after.CustomerId)
        {
            return after.Amount == before.Amount ? [] : [new CustomerDelta(after.CustomerId, 0, after.Amount - before.Amount)];
        }

        var deltas = new List<CustomerDelta>(2);
        if (before is not null)
        {
            deltas.Add(new CustomerDelta(before.CustomerId, -1, -before.Amount));
        }

        if (after is not null)
        {
            deltas.Add(new CustomerDelta(after.CustomerId, 1, after.Amount));
        }

        return deltas;
    }

    private static string? Read(Dictionary<string, DynamoDBEvent.AttributeValue>? image, string imageName, out Order? order)
    {
        order = null;
        if (image is null)
        {
            return $"The record has no {imageName}: give the orders table's stream the NEW_AND_OLD_IMAGES view type.";
        }

        if (!image.TryGetValue(CustomerIdAttribute, out var customer) || string.IsNullOrEmpty(customer.S))
        {
            return $"The order in {imageName} has no string '{CustomerIdAttribute}'.";
        }

        if (!image.TryGetValue(AmountAttribute, out var amount) || amount.N is null)
        {
            return $"The order in {imageName} has no numeric '{AmountAttribute}'.";
        }

        if (!decimal.TryParse(amount.N, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return $"The order in {imageName} has an '{AmountAttribute}' of {amount.N}, which does not fit a decimal.";
        }

        order = new Order(customer.S, value);
        return null;
    }

    private sealed record Order(string CustomerId, decimal Amount);
}
