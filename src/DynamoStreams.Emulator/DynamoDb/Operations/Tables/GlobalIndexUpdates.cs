using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Tables;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Tables;

/// <summary>Applies UpdateTable's <c>GlobalSecondaryIndexUpdates</c> (Create, Delete, Update) to a definition.</summary>
internal static class GlobalIndexUpdates
{
    /// <summary>
    /// Applies the checks DynamoDB makes on the update list before it looks the table up: every entry names an
    /// action, and no index is named twice.
    /// </summary>
    /// <returns>How many indexes the list creates or deletes, for <see cref="CheckOnlineLimit"/>.</returns>
    public static int CheckRequest(JsonElement updates)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var update in updates.EnumerateArray())
        {
            var action = JsonFields.TryGetObject(update, "Update", out var found) || JsonFields.TryGetObject(update, "Create", out found) ||
                JsonFields.TryGetObject(update, "Delete", out found);
            if (!action)
            {
                throw DynamoDbErrors.InvalidParameter(
                    "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
            }

            var name = JsonFields.GetString(found, "IndexName");
            if (name is not null && !names.Add(name))
            {
                throw DynamoDbErrors.InvalidParameter("Only one global secondary index update per index is allowed simultaneously. Index: " + name);
            }
        }

        var creates = 0;
        foreach (var update in updates.EnumerateArray())
        {
            if (JsonFields.TryGetObject(update, "Create", out _) || JsonFields.TryGetObject(update, "Delete", out _))
            {
                creates++;
            }
        }

        return creates;
    }

    /// <summary>
    /// Rejects creating or deleting more than one index in one call (checked once the table is known, before
    /// the named indexes are looked up).
    /// </summary>
    public static void CheckOnlineLimit(int onlineChanges)
    {
        if (onlineChanges > 1)
        {
            throw DynamoDbErrors.LimitExceeded("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
        }
    }

    public static TableDefinition Apply(TableDefinition current, JsonElement updates, List<KeyAttribute>? newDefinitions)
    {
        var gsis = current.GlobalSecondaryIndexes.ToList();
        var attributes = current.AttributeDefinitions.ToList();
        foreach (var update in updates.EnumerateArray())
        {
            var actions = 0;
            if (JsonFields.TryGetObject(update, "Create", out var create))
            {
                actions++;
                if (newDefinitions is null)
                {
                    throw DynamoDbErrors.InvalidParameter("Attribute definitions must be specified when creating a global secondary index");
                }

                foreach (var definition in newDefinitions)
                {
                    var existing = attributes.FindIndex(a => a.Name == definition.Name);
                    if (existing >= 0 && attributes[existing].Type != definition.Type)
                    {
                        throw DynamoDbErrors.InvalidParameter("Cannot change the type of attribute " + definition.Name);
                    }

                    if (existing < 0)
                    {
                        attributes.Add(definition);
                    }
                }

                var index = IndexReader.ReadOneGlobal(create, attributes, current.IsOnDemand, "globalSecondaryIndexUpdates.member.create");
                if (current.FindIndex(index.Name) is not null || gsis.Any(g => g.Name == index.Name))
                {
                    throw DynamoDbErrors.InvalidParameter("Global Secondary Index " + index.Name + " already exists");
                }

                gsis.Add(index);
            }

            if (JsonFields.TryGetObject(update, "Delete", out var delete))
            {
                actions++;
                var name = JsonFields.GetString(delete, "IndexName");
                var position = gsis.FindIndex(g => g.Name == name);
                if (position < 0)
                {
                    throw DynamoDbErrors.ResourceNotFound("Requested resource not found: Index: " + name + " not found");
                }

                gsis.RemoveAt(position);
            }

            if (JsonFields.TryGetObject(update, "Update", out var change))
            {
                actions++;
                var name = JsonFields.GetString(change, "IndexName");
                var position = gsis.FindIndex(g => g.Name == name);
                var throughput = TableSchemaReader.ReadThroughput(change);
                if (position < 0)
                {
                    // Observed (dynalite suite updateTable.js 'high index ReadCapacityUnits when index does not exist').
                    throw throughput is not null && (throughput.ReadCapacityUnits > TableSchemaReader.MaxCapacityUnits ||
                        throughput.WriteCapacityUnits > TableSchemaReader.MaxCapacityUnits)
                        ? DynamoDbErrors.Validation("This operation cannot be performed with given input values. Please contact DynamoDB service team for more info: Action Blocked: IndexUpdate")
                        : DynamoDbErrors.ResourceNotFound("Requested resource not found: Index: " + name + " not found");
                }

                if (throughput is not null)
                {
                    if (current.IsOnDemand)
                    {
                        throw DynamoDbErrors.InvalidParameter("ProvisionedThroughput should not be specified for index: " + name + " when BillingMode is PAY_PER_REQUEST");
                    }

                    gsis[position] = gsis[position] with { Throughput = throughput };
                }
            }

            if (actions != 1)
            {
                throw DynamoDbErrors.InvalidParameter("One of GlobalSecondaryIndexUpdate.Create, Update or Delete must be specified, and only one");
            }
        }

        if (gsis.Count > 20)
        {
            throw DynamoDbErrors.InvalidParameter("GlobalSecondaryIndex count exceeds the per-table limit of 20");
        }

        var used = new HashSet<string>(StringComparer.Ordinal) { current.KeySchema.HashKey.Name };
        foreach (var schema in new[] { current.KeySchema }.Concat(current.LocalSecondaryIndexes.Select(i => i.KeySchema)).Concat(gsis.Select(i => i.KeySchema)))
        {
            used.Add(schema.HashKey.Name);
            if (schema.RangeKey is not null)
            {
                used.Add(schema.RangeKey.Name);
            }
        }

        return current with
        {
            GlobalSecondaryIndexes = gsis,
            AttributeDefinitions = attributes.Where(a => used.Contains(a.Name)).ToList(),
        };
    }
}
