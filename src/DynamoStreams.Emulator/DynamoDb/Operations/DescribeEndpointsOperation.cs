using System.Text.Json;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>Implements DescribeEndpoints: the emulator is its own endpoint, cached for 1440 minutes.</summary>
internal sealed class DescribeEndpointsOperation : DynamoDbOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public DescribeEndpointsOperation(DynamoDbContext context)
        : base("DescribeEndpoints", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var host = request.Headers.Host.ToString();
        response.WriteStartObject();
        response.WriteStartArray("Endpoints");
        response.WriteStartObject();
        response.WriteString("Address", string.IsNullOrEmpty(host) ? $"dynamodb.{request.Region}.amazonaws.com" : host);
        response.WriteNumber("CachePeriodInMinutes", 1440);
        response.WriteEndObject();
        response.WriteEndArray();
        response.WriteEndObject();
    }
}
