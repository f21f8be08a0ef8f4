using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;
using DynamoStreams.Emulator.DynamoDb.Ttl;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>Implements DescribeTimeToLive. Status changes apply at once, so it reports ENABLED or DISABLED.</summary>
internal sealed class DescribeTimeToLiveOperation : DynamoDbOperation
{
    private readonly TtlRegistry _registry;

    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    /// <param name="registry">The TTL settings.</param>
    public DescribeTimeToLiveOperation(DynamoDbContext context, TtlRegistry registry)
        : base("DescribeTimeToLive", context)
    {
        _registry = registry;
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var name = TableNames.Read(request.Body);
        var table = Context.Store.Find(request.Region, name) ?? throw DynamoDbErrors.TableNotFound(name);
        var setting = _registry.Find(request.Region, table.Definition.Name);
        response.WriteStartObject();
        response.WriteStartObject("TimeToLiveDescription");
        if (setting is { Enabled: true })
        {
            response.WriteString("TimeToLiveStatus", "ENABLED");
            response.WriteString("AttributeName", setting.AttributeName);
        }
        else
        {
            response.WriteString("TimeToLiveStatus", "DISABLED");
        }

        response.WriteEndObject();
        response.WriteEndObject();
    }
}
