using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Extensibility;
using CdkAttribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace Aspire.Hosting.DynamoStreams.Cdk.Mapping;

/// <summary>Maps the declaration's table options to CDK table props, indexes and imported tables.</summary>
internal static class TableMapper
{
    public static TableProps ToProps(DynamoTableOptions table)
    {
        var props = new TableProps
        {
            PartitionKey = ToAttribute(table.PartitionKey),
            // CDK's enum members are DynamoDB's wire names.
            Stream = Enum.Parse<StreamViewType>(table.Stream.ToWireName()),
            BillingMode = Enum.Parse<BillingMode>(table.BillingMode.ToWireName()),
            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = table.PointInTimeRecovery },
            RemovalPolicy = table.RemovalPolicy switch
            {
                DynamoRemovalPolicy.Destroy => RemovalPolicy.DESTROY,
                DynamoRemovalPolicy.Snapshot => RemovalPolicy.SNAPSHOT,
                _ => RemovalPolicy.RETAIN,
            },
        };

        // Unset values stay unset so that the construct's defaults (and CloudFormation's) apply unchanged.
        if (table.SortKey is { } sortKey)
        {
            props.SortKey = ToAttribute(sortKey);
        }

        if (table.TableName is { } name)
        {
            props.TableName = name;
        }

        if (table.ReadCapacity is { } read)
        {
            props.ReadCapacity = read;
        }

        if (table.WriteCapacity is { } write)
        {
            props.WriteCapacity = write;
        }

        if (table.TimeToLiveAttribute is { } ttl)
        {
            props.TimeToLiveAttribute = ttl;
        }

        if (table.DeletionProtection is { } protection)
        {
            props.DeletionProtection = protection;
        }

        return props;
    }

    /// <summary>Adds the declaration's secondary indexes to the table the construct created (CDK has no index props).</summary>
    public static void AddIndexes(Table table, DynamoTableOptions options)
    {
        foreach (var gsi in options.GlobalSecondaryIndexes)
        {
            var props = new GlobalSecondaryIndexProps
            {
                IndexName = gsi.IndexName,
                PartitionKey = ToAttribute(gsi.PartitionKey),
                ProjectionType = ToProjectionType(gsi.ProjectionType),
            };
            if (gsi.SortKey is { } sortKey)
            {
                props.SortKey = ToAttribute(sortKey);
            }

            if (gsi.NonKeyAttributes.Count > 0)
            {
                props.NonKeyAttributes = [.. gsi.NonKeyAttributes];
            }

            if (gsi.ReadCapacity is { } read)
            {
                props.ReadCapacity = read;
            }

            if (gsi.WriteCapacity is { } write)
            {
                props.WriteCapacity = write;
            }

            table.AddGlobalSecondaryIndex(props);
        }

        foreach (var lsi in options.LocalSecondaryIndexes)
        {
            var props = new LocalSecondaryIndexProps
            {
                IndexName = lsi.IndexName,
                SortKey = ToAttribute(lsi.SortKey),
                ProjectionType = ToProjectionType(lsi.ProjectionType),
            };
            if (lsi.NonKeyAttributes.Count > 0)
            {
                props.NonKeyAttributes = [.. lsi.NonKeyAttributes];
            }

            table.AddLocalSecondaryIndex(props);
        }
    }

    /// <summary>
    /// Imports a table deployed elsewhere by its ARN or name, with the stream the mapping reads; or, for a table shared
    /// with another pattern, returns that pattern's table from its stack in the same app (CDK then writes the cross-stack
    /// exports and imports, and makes this stack depend on the owner's).
    /// </summary>
    public static ITable Import(Constructs.Construct scope, DynamoStreamsLambdaResource pattern, DynamoExistingTable existing, DynamoStreamsStack? ownerStack)
    {
        if (existing.Pattern is { } owner)
        {
            if (ownerStack is null || !ReferenceEquals(ownerStack.Declaration, owner))
            {
                throw new InvalidOperationException(
                    $"The pattern '{pattern.Name}' reads the table of the pattern '{owner.Name}': build both stacks in one CDK app with " +
                    "DynamoStreamsStackBuilder.AddStacks(app, patterns), which creates the owner's stack first and passes its table across.");
            }

            return ownerStack.Pattern.DynamoTableInterface;
        }

        if (string.IsNullOrEmpty(existing.TableStreamArn))
        {
            throw new InvalidOperationException(
                $"The existing table of the pattern '{pattern.Name}' has no stream ARN: the mapping reads the stream, so pass it to WithExistingTable(tableNameOrArn, streamArn).");
        }

        var attributes = new TableAttributes { TableStreamArn = existing.TableStreamArn };
        if (existing.TableArn is { } arn)
        {
            attributes.TableArn = arn;
        }
        else
        {
            attributes.TableName = existing.TableName;
        }

        return Table.FromTableAttributes(scope, "ExistingTable", attributes);
    }

    private static CdkAttribute ToAttribute(DynamoAttribute attribute) => new()
    {
        Name = attribute.Name,
        Type = attribute.Type switch
        {
            DynamoAttributeType.Number => AttributeType.NUMBER,
            DynamoAttributeType.Binary => AttributeType.BINARY,
            _ => AttributeType.STRING,
        },
    };

    private static ProjectionType ToProjectionType(DynamoProjectionType type) => type switch
    {
        DynamoProjectionType.KeysOnly => ProjectionType.KEYS_ONLY,
        DynamoProjectionType.Include => ProjectionType.INCLUDE,
        _ => ProjectionType.ALL,
    };
}
