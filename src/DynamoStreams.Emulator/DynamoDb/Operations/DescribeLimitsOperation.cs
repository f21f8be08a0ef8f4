using System.Text.Json;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>Implements DescribeLimits with DynamoDB's default account quotas.</summary>
internal sealed class DescribeLimitsOperation : DynamoDbOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public DescribeLimitsOperation(DynamoDbContext context)
        : base("DescribeLimits", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        response.WriteStartObject();
        response.WriteNumber("AccountMaxReadCapacityUnits", 80000);
        response.WriteNumber("AccountMaxWriteCapacityUnits", 80000);
        response.WriteNumber("TableMaxReadCapacityUnits", 40000);
        response.WriteNumber("TableMaxWriteCapacityUnits", 40000);
        response.WriteEndObject();
    }
}
