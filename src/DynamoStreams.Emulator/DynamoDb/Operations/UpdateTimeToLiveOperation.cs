using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;
using DynamoStreams.Emulator.DynamoDb.Ttl;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>Implements UpdateTimeToLive: enables or disables expiry of items by an epoch-seconds attribute.</summary>
internal sealed class UpdateTimeToLiveOperation : DynamoDbOperation
{
    private readonly TtlRegistry _registry;

    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    /// <param name="registry">The TTL settings.</param>
    public UpdateTimeToLiveOperation(DynamoDbContext context, TtlRegistry registry)
        : base("UpdateTimeToLive", context)
    {
        _registry = registry;
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var name = TableNames.Read(request.Body);
        var errors = new ValidationErrors();
        bool? enabled = null;
        string? attribute = null;
        if (JsonFields.TryGetObject(request.Body, "TimeToLiveSpecification", out var specification))
        {
            enabled = JsonFields.GetBoolean(specification, "Enabled");
            attribute = JsonFields.GetString(specification, "AttributeName");
            if (enabled is null)
            {
                errors.NotNull("timeToLiveSpecification.enabled");
            }

            if (attribute is null)
            {
                errors.NotNull("timeToLiveSpecification.attributeName");
            }
        }
        else
        {
            errors.NotNull("timeToLiveSpecification");
        }

        errors.ThrowIfAny();
        if (attribute!.Length is 0 or > 255)
        {
            throw DynamoDbErrors.Validation(
                $"1 validation error detected: Value '{attribute}' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length less than or equal to 255 and greater than or equal to 1");
        }

        var table = Context.Store.Find(request.Region, name) ?? throw DynamoDbErrors.TableNotFound(name);
        var current = _registry.Find(request.Region, table.Definition.Name);
        if (enabled!.Value)
        {
            if (current is { Enabled: true })
            {
                throw DynamoDbErrors.Validation("TimeToLive is already enabled");
            }
        }
        else if (current is not { Enabled: true })
        {
            throw DynamoDbErrors.Validation("TimeToLive is already disabled");
        }
        else if (current.AttributeName != attribute)
        {
            throw DynamoDbErrors.Validation($"TimeToLive is active on a different AttributeName: current AttributeName is {current.AttributeName}");
        }

        _registry.Set(new TtlSetting(request.Region, table.Definition.Name, attribute, enabled.Value));
        response.WriteStartObject();
        response.WriteStartObject("TimeToLiveSpecification");
        response.WriteBoolean("Enabled", enabled.Value);
        response.WriteString("AttributeName", attribute);
        response.WriteEndObject();
        response.WriteEndObject();
    }
}
