using System.Text.Json;
using DynamoStreams.Contracts.DynamoDb;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;
using DynamoStreams.Emulator.DynamoDb.Tables;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>
/// Implements CreateTable: keys, local and global secondary indexes, billing, stream specification,
/// SSE, table class, deletion protection and tags. The answer says CREATING; the table turns ACTIVE after
/// <see cref="Hosting.DynamoEmulatorOptions.TableStatusDelay"/> (see <see cref="Storage.TableLifecycle"/>).
/// </summary>
internal sealed class CreateTableOperation : DynamoDbOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public CreateTableOperation(DynamoDbContext context)
        : base("CreateTable", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var body = request.Body;
        // The member constraints (required members, names, enums, lengths, ranges) were checked with the request's shape.
        var definitions = TableSchemaReader.ReadAttributeDefinitions(body);
        var tableName = JsonFields.GetString(body, "TableName");
        var throughput = TableSchemaReader.ReadThroughput(body);
        var keys = TableSchemaReader.ReadKeySchemaElements(body);
        var billingMode = JsonFields.GetString(body, "BillingMode");
        var tableClass = JsonFields.GetString(body, "TableClass");
        string? viewType = null;
        bool? streamEnabled = null;
        if (JsonFields.TryGetObject(body, "StreamSpecification", out var streamSpec))
        {
            streamEnabled = JsonFields.GetBoolean(streamSpec, "StreamEnabled");
            viewType = JsonFields.GetString(streamSpec, "StreamViewType");
        }
        var onDemand = billingMode == BillingModes.PayPerRequest;
        if (!onDemand && throughput is null)
        {
            throw DynamoDbErrors.InvalidParameter("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }

        if (onDemand && throughput is not null)
        {
            throw DynamoDbErrors.InvalidParameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }

        TableSchemaReader.CheckBounds(throughput);
        var keySchema = TableSchemaReader.BuildKeySchema(keys!, definitions!, isTable: true);
        var hasLsi = JsonFields.TryGetArray(body, "LocalSecondaryIndexes", out var lsiArray);
        var hasGsi = JsonFields.TryGetArray(body, "GlobalSecondaryIndexes", out var gsiArray);
        if (!hasLsi && !hasGsi && keys!.Count != definitions!.Count)
        {
            throw DynamoDbErrors.InvalidParameter("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var lsis = hasLsi ? IndexReader.ReadLocal(lsiArray, keySchema, definitions!, names) : [];
        var gsis = hasGsi ? IndexReader.ReadGlobal(gsiArray, definitions!, names, onDemand) : [];
        CheckDefinitionsUsed(definitions!, keySchema, lsis, gsis);

        if (streamEnabled == true && viewType is null)
        {
            throw DynamoDbErrors.InvalidParameter("StreamViewType is required when StreamEnabled is true");
        }

        var tags = TagReader.Read(body, "Tags");
        var now = Context.Time.GetUtcNow();
        var arn = $"arn:aws:dynamodb:{request.Region}:{request.AccountId}:table/{tableName}";
        var sseEnabled = false;
        string? kmsKey = null;
        if (JsonFields.TryGetObject(body, "SSESpecification", out var sse))
        {
            sseEnabled = JsonFields.GetBoolean(sse, "Enabled") == true;
            kmsKey = JsonFields.GetString(sse, "KMSMasterKeyId");
        }

        var definition = new TableDefinition
        {
            Name = tableName!,
            Region = request.Region,
            Arn = arn,
            TableId = Guid.NewGuid().ToString(),
            CreationDateTime = now,
            KeySchema = keySchema,
            AttributeDefinitions = definitions!,
            LocalSecondaryIndexes = lsis,
            GlobalSecondaryIndexes = gsis,
            BillingMode = onDemand ? BillingModes.PayPerRequest : BillingModes.Provisioned,
            BillingModeUpdated = billingMode is null ? null : now,
            Throughput = throughput ?? ProvisionedThroughput.Zero,
            Stream = streamEnabled == true ? StreamLabels.Enable(arn, viewType!, now, null) : StreamSettings.None,
            SseEnabled = sseEnabled,
            SseType = sseEnabled ? "KMS" : null,
            KmsMasterKeyId = kmsKey,
            TableClass = tableClass ?? "STANDARD",
            DeletionProtectionEnabled = JsonFields.GetBoolean(body, "DeletionProtectionEnabled") ?? false,
        };

        var table = Context.Store.Create(definition, Storage.TableLifecycle.CreatingUntil(Context.StatusEnds(now)));
        if (tags.Count > 0)
        {
            Context.Store.UpdateTags(table, current =>
            {
                foreach (var (key, value) in tags)
                {
                    current[key] = value;
                }
            });
        }

        response.WriteStartObject();
        response.WritePropertyName("TableDescription");
        TableDescriptionWriter.Write(response, table, now, "CREATING");
        response.WriteEndObject();
    }

    private static void CheckDefinitionsUsed(IReadOnlyList<KeyAttribute> definitions, KeySchema keySchema, IReadOnlyList<SecondaryIndex> lsis, IReadOnlyList<SecondaryIndex> gsis)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { keySchema.HashKey.Name };
        if (keySchema.RangeKey is not null)
        {
            used.Add(keySchema.RangeKey.Name);
        }

        foreach (var index in lsis.Concat(gsis))
        {
            used.Add(index.KeySchema.HashKey.Name);
            if (index.KeySchema.RangeKey is not null)
            {
                used.Add(index.KeySchema.RangeKey.Name);
            }
        }

        if (definitions.Any(d => !used.Contains(d.Name)) || definitions.Select(d => d.Name).Distinct().Count() != definitions.Count)
        {
            throw DynamoDbErrors.InvalidParameter("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
    }
}
