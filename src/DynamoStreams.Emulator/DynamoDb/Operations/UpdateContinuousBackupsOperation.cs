using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;
using DynamoStreams.Emulator.Protocol;
using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>Implements UpdateContinuousBackups (the point-in-time recovery flag).</summary>
internal sealed class UpdateContinuousBackupsOperation : DynamoDbOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public UpdateContinuousBackupsOperation(DynamoDbContext context)
        : base("UpdateContinuousBackups", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var name = TableNames.Read(request.Body);
        var errors = new ValidationErrors();
        bool? enabled = null;
        if (!JsonFields.TryGetObject(request.Body, "PointInTimeRecoverySpecification", out var specification))
        {
            errors.NotNull("pointInTimeRecoverySpecification");
        }
        else
        {
            enabled = JsonFields.GetBoolean(specification, "PointInTimeRecoveryEnabled");
            if (enabled is null)
            {
                errors.NotNull("pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled");
            }
        }

        errors.ThrowIfAny();
        var table = Context.Store.Find(request.Region, name)
            ?? throw new AwsServiceException(DynamoDbErrors.DynamoNamespace + "TableNotFoundException", "Table not found: " + name);
        var definition = Context.Store.Update(table, current => current.PointInTimeRecoveryEnabled == enabled ? current : current with { PointInTimeRecoveryEnabled = enabled!.Value });
        ContinuousBackupsWriter.Write(response, definition, Context.Time.GetUtcNow());
    }
}
