using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using DynamoStreams.Construct.Merging;
using DynamoStreams.Contracts.Pattern;
using DynamoAttribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace DynamoStreams.Construct.Defaults;

/// <summary>Builds the pattern's table: the seed README's defaults with the user's <see cref="ITableProps"/> merged over them.</summary>
internal static class TableDefaults
{
    /// <summary>The construct id of the table, as in the Solutions Construct (so logical ids match).</summary>
    public const string ConstructId = "DynamoTable";

    /// <summary>The default partition key name.</summary>
    public const string PartitionKeyName = SeedDefaults.PartitionKeyName;

    /// <summary>Creates the table defaults: the seed's (<see cref="SeedDefaults"/>) plus AWS-managed encryption and retained.</summary>
    /// <param name="user">The user's table props; a customer key, provisioned capacity or the legacy PITR flag there drops the default it would contradict.</param>
    public static TableProps Create(ITableProps? user)
    {
        var defaults = new TableProps
        {
            PartitionKey = new DynamoAttribute { Name = PartitionKeyName, Type = AttributeType.STRING },
            Stream = Enum.Parse<StreamViewType>(SeedDefaults.StreamViewType),
            RemovalPolicy = RemovalPolicy.RETAIN,
        };

        // CDK rejects the legacy flag beside the specification, so a user's flag replaces the default specification.
#pragma warning disable CS0618 // the obsolete flag is read only to step aside for it
        if (user?.PointInTimeRecovery is null)
#pragma warning restore CS0618
        {
            defaults.PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = SeedDefaults.PointInTimeRecovery };
        }

        // CDK implies CUSTOMER_MANAGED from a key and PROVISIONED from capacities; a default here would turn a
        // complete user intent into a CDK error, so the default steps aside.
        if (user?.EncryptionKey is null || user.Encryption is not null)
        {
            defaults.Encryption = TableEncryption.AWS_MANAGED;
        }

        if ((user?.ReadCapacity is null && user?.WriteCapacity is null) || user.BillingMode is not null)
        {
            defaults.BillingMode = Enum.Parse<BillingMode>(SeedDefaults.BillingMode);
        }

        return defaults;
    }

    /// <summary>Creates the table under <paramref name="scope"/> from the defaults merged with <paramref name="user"/>.</summary>
    public static Table Build(Constructs.Construct scope, ITableProps? user)
    {
        var table = new Table(scope, ConstructId, PropsMerger.Merge(Create(user), user));

        // An AWS-owned or AWS-managed key is encryption at rest by AWS's own best practices.
        ScannerSuppressions.AddGuard(table, "DYNAMODB_TABLE_ENCRYPTED_KMS");
        return table;
    }
}
