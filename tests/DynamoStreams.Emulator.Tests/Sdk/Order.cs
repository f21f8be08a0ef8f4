using Amazon.DynamoDBv2.DataModel;

namespace DynamoStreams.Emulator.Tests.Sdk;

/// <summary>A typical DynamoDBContext model: hash and range keys, a versioned optimistic lock, a GSI.</summary>
[DynamoDBTable("Orders")]
public sealed class Order
{
    [DynamoDBHashKey("pk")]
    public string CustomerId { get; set; } = "";

    [DynamoDBRangeKey("sk")]
    public int OrderNumber { get; set; }

    [DynamoDBGlobalSecondaryIndexHashKey("by-status")]
    public string Status { get; set; } = "";

    public decimal Total { get; set; }

    public List<string> Tags { get; set; } = [];

    [DynamoDBVersion]
    public int? Version { get; set; }
}
