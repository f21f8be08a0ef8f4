using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Handler.Sample.Orders;

/// <summary>
/// Keeps customer totals in a DynamoDB table keyed by <c>customerId</c> (S), with <c>orderCount</c> and
/// <c>totalAmount</c> maintained by atomic <c>ADD</c> updates.
/// </summary>
/// <param name="client">The DynamoDB client; its endpoint comes from <c>AWS_ENDPOINT_URL_DYNAMODB</c> when set.</param>
/// <param name="tableName">The totals table.</param>
public sealed class DynamoDBCustomerTotals(IAmazonDynamoDB client, string tableName) : ICustomerTotals
{
    /// <inheritdoc />
    public Task ApplyAsync(CustomerDelta delta, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delta);
        return client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tableName,
                Key = new Dictionary<string, AttributeValue> { ["customerId"] = new() { S = delta.CustomerId } },
                UpdateExpression = "ADD orderCount :count, totalAmount :amount",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":count"] = new() { N = delta.OrderCount.ToString(CultureInfo.InvariantCulture) },
                    [":amount"] = new() { N = delta.Amount.ToString(CultureInfo.InvariantCulture) },
                },
            },
            cancellationToken);
    }
}
