using System.Text.Json;
using DynamoStreams.Contracts.DynamoDb;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;
using DynamoStreams.Emulator.DynamoDb.Tables;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>
/// Implements UpdateTable: global secondary index create, delete and throughput update, billing mode,
/// provisioned throughput, stream specification, SSE, table class and deletion protection. Changes apply at once;
/// the table reports UPDATING (and the throughput from before a throughput change), and an added index CREATING,
/// for <see cref="Hosting.DynamoEmulatorOptions.TableStatusDelay"/>.
/// </summary>
internal sealed class UpdateTableOperation : DynamoDbOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public UpdateTableOperation(DynamoDbContext context)
        : base("UpdateTable", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var body = request.Body;
        var name = TableNames.Read(body);
        // The member constraints (required members, names, enums, ranges) were checked with the request's shape.
        var definitions = TableSchemaReader.ReadAttributeDefinitions(body);
        var throughput = TableSchemaReader.ReadThroughput(body);
        var billingMode = JsonFields.GetString(body, "BillingMode");
        var tableClass = JsonFields.GetString(body, "TableClass");
        bool? streamEnabled = null;
        string? viewType = null;
        var hasStream = JsonFields.TryGetObject(body, "StreamSpecification", out var streamSpec);
        if (hasStream)
        {
            streamEnabled = JsonFields.GetBoolean(streamSpec, "StreamEnabled");
            viewType = JsonFields.GetString(streamSpec, "StreamViewType");
        }
        var hasGsiUpdates = JsonFields.TryGetArray(body, "GlobalSecondaryIndexUpdates", out var gsiUpdates) && gsiUpdates.GetArrayLength() > 0;
        var hasSse = JsonFields.TryGetObject(body, "SSESpecification", out var sse);
        var deletionProtection = JsonFields.GetBoolean(body, "DeletionProtectionEnabled");
        if (throughput is null && billingMode is null && !hasStream && !hasGsiUpdates && !hasSse && tableClass is null && deletionProtection is null)
        {
            throw DynamoDbErrors.Validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }

        TableSchemaReader.CheckBounds(throughput);
        var onlineChanges = hasGsiUpdates ? GlobalIndexUpdates.CheckRequest(gsiUpdates) : 0;
        var table = Context.Store.Find(request.Region, name) ?? throw DynamoDbErrors.ResourceNotFound("Requested resource not found: Table: " + name + " not found");
        GlobalIndexUpdates.CheckOnlineLimit(onlineChanges);
        var now = Context.Time.GetUtcNow();
        // AWS docs (UpdateTable): the table is UPDATING while the change runs, and no other UpdateTable is accepted then.
        switch (table.Lifecycle.TableStatus(now))
        {
            case "CREATING":
                throw DynamoDbErrors.ResourceInUse("Attempt to change a resource which is still in use: Table is being created: " + name);
            case "UPDATING":
                throw DynamoDbErrors.ResourceInUse("Attempt to change a resource which is still in use: Table is being updated: " + name);
        }

        var ends = Context.StatusEnds(now);
        var before = table.Definition;
        var after = Context.Store.Update(table, current =>
        {
            var next = current;
            if (billingMode is not null || throughput is not null)
            {
                next = ApplyBilling(next, billingMode, throughput, ends);
            }

            if (hasGsiUpdates)
            {
                next = GlobalIndexUpdates.Apply(next, gsiUpdates, definitions);
            }

            if (hasStream)
            {
                next = ApplyStream(next, streamEnabled!.Value, viewType, now);
            }

            if (hasSse)
            {
                var enabled = JsonFields.GetBoolean(sse, "Enabled") ?? true;
                next = next with { SseEnabled = enabled, SseType = enabled ? "KMS" : null, KmsMasterKeyId = JsonFields.GetString(sse, "KMSMasterKeyId") ?? next.KmsMasterKeyId };
            }

            if (tableClass is not null)
            {
                next = next with { TableClass = tableClass };
            }

            if (deletionProtection is not null)
            {
                next = next with { DeletionProtectionEnabled = deletionProtection.Value };
            }

            return next;
        });

        var addedIndexes = after.GlobalSecondaryIndexes.Select(g => g.Name).Except(before.GlobalSecondaryIndexes.Select(g => g.Name), StringComparer.Ordinal).ToList();
        foreach (var index in addedIndexes)
        {
            table.Lifecycle.BeginIndexCreation(index, ends);
        }

        table.Lifecycle.BeginUpdate(ends, ThroughputWhileUpdating(before.Throughput, after.Throughput, now));
        response.WriteStartObject();
        response.WritePropertyName("TableDescription");
        TableDescriptionWriter.Write(response, table, now, "UPDATING", addedIndexes);
        response.WriteEndObject();
    }

    /// <summary>
    /// Gets what DynamoDB reports while a provisioned throughput change is in progress: the old units, with the
    /// change's start as its last increase or decrease; the new units (and the completion time) show once ACTIVE.
    /// </summary>
    private static ProvisionedThroughput? ThroughputWhileUpdating(ProvisionedThroughput before, ProvisionedThroughput after, DateTimeOffset now)
    {
        if (before.HasSameUnits(after) || after.HasSameUnits(ProvisionedThroughput.Zero))
        {
            return null;
        }

        return before with
        {
            LastIncreaseDateTime = after.LastIncreaseDateTime != before.LastIncreaseDateTime ? now : before.LastIncreaseDateTime,
            LastDecreaseDateTime = after.LastDecreaseDateTime != before.LastDecreaseDateTime ? now : before.LastDecreaseDateTime,
        };
    }

    private static TableDefinition ApplyBilling(TableDefinition current, string? billingMode, ProvisionedThroughput? throughput, DateTimeOffset completes)
    {
        var onDemand = billingMode is null ? current.IsOnDemand : billingMode == BillingModes.PayPerRequest;
        if (onDemand && throughput is not null)
        {
            throw DynamoDbErrors.InvalidParameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }

        if (!onDemand && current.IsOnDemand && throughput is null)
        {
            throw DynamoDbErrors.InvalidParameter("ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        }

        if (!onDemand && billingMode is null && throughput!.HasSameUnits(current.Throughput))
        {
            throw DynamoDbErrors.Validation("The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: "
                + current.Throughput.ReadCapacityUnits + ". Requested ReadCapacityUnits: " + throughput!.ReadCapacityUnits + ". Current WriteCapacityUnits provisioned for the table: "
                + current.Throughput.WriteCapacityUnits + ". Requested WriteCapacityUnits: " + throughput.WriteCapacityUnits + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
        }

        var gsis = current.GlobalSecondaryIndexes;
        if (onDemand != current.IsOnDemand)
        {
            // Switching modes applies to every global index: on demand they report zero, provisioned they take the table's throughput.
            var indexThroughput = onDemand ? ProvisionedThroughput.Zero : throughput!;
            gsis = gsis.Select(g => g with { Throughput = indexThroughput }).ToList();
        }

        return current with
        {
            BillingMode = onDemand ? BillingModes.PayPerRequest : BillingModes.Provisioned,
            BillingModeUpdated = billingMode is null ? current.BillingModeUpdated : completes,
            Throughput = onDemand ? ProvisionedThroughput.Zero : throughput is null ? current.Throughput : Changed(current.Throughput, throughput, completes),
            GlobalSecondaryIndexes = gsis,
        };
    }

    /// <summary>Gets the new throughput with the history DynamoDB reports: increase and decrease times, decrease count.</summary>
    private static ProvisionedThroughput Changed(ProvisionedThroughput current, ProvisionedThroughput requested, DateTimeOffset completes)
    {
        var increase = requested.ReadCapacityUnits > current.ReadCapacityUnits || requested.WriteCapacityUnits > current.WriteCapacityUnits;
        var decrease = requested.ReadCapacityUnits < current.ReadCapacityUnits || requested.WriteCapacityUnits < current.WriteCapacityUnits;
        return requested with
        {
            LastIncreaseDateTime = increase ? completes : current.LastIncreaseDateTime,
            LastDecreaseDateTime = decrease ? completes : current.LastDecreaseDateTime,
            NumberOfDecreasesToday = current.NumberOfDecreasesToday + (decrease ? 1 : 0),
        };
    }

    private static TableDefinition ApplyStream(TableDefinition current, bool enable, string? viewType, DateTimeOffset now)
    {
        if (enable)
        {
            if (current.Stream.Enabled)
            {
                throw DynamoDbErrors.ResourceInUse("Table " + current.Name + " already has an enabled stream: " + current.Stream.LatestStreamArn);
            }

            if (viewType is null)
            {
                throw DynamoDbErrors.InvalidParameter("StreamViewType is required when StreamEnabled is true");
            }

            return current with { Stream = StreamLabels.Enable(current.Arn, viewType, now, current.Stream.LatestStreamLabel) };
        }

        if (!current.Stream.Enabled)
        {
            throw DynamoDbErrors.Validation("Table " + current.Name + " does not have a stream enabled; StreamEnabled=false needs an enabled stream.");
        }

        return current with { Stream = current.Stream with { Enabled = false } };
    }
}
