using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using DynamoStreams.Construct.Tests.Infrastructure;
using DynamoAttribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace DynamoStreams.Construct.Tests;

public class TablePropsTests
{
    private const string TableType = "AWS::DynamoDB::Table";

    private static Template SynthWithTable(TableProps tableProps, out DynamoDBStreamsToLambda construct)
    {
        var props = Stacks.DefaultProps();
        props.DynamoTableProps = tableProps;
        return Stacks.Synth(props, out construct);
    }

    [Fact]
    public void TableProps_KeysAndStreamViewType_ReplaceDefaultsAndKeepTheRest()
    {
        // spec construct.md Merge: user values win, unset values keep the default
        var template = SynthWithTable(new TableProps
        {
            TableName = "orders",
            PartitionKey = new DynamoAttribute { Name = "pk", Type = AttributeType.NUMBER },
            SortKey = new DynamoAttribute { Name = "sk", Type = AttributeType.BINARY },
            Stream = StreamViewType.KEYS_ONLY,
        }, out _);
        template.HasProperties(TableType, """
            {
              "TableName": "orders",
              "KeySchema": [ { "AttributeName": "pk", "KeyType": "HASH" }, { "AttributeName": "sk", "KeyType": "RANGE" } ],
              "AttributeDefinitions": [ { "AttributeName": "pk", "AttributeType": "N" }, { "AttributeName": "sk", "AttributeType": "B" } ],
              "StreamSpecification": { "StreamViewType": "KEYS_ONLY" },
              "BillingMode": "PAY_PER_REQUEST",
              "SSESpecification": { "SSEEnabled": true },
              "PointInTimeRecoverySpecification": { "PointInTimeRecoveryEnabled": true }
            }
            """);
    }

    [Fact]
    public void TableProps_TimeToLiveAttribute_ReachesTheTemplate()
    {
        // spec construct.md Props: DynamoTableProps deep-merged (TTL attribute)
        SynthWithTable(new TableProps { TimeToLiveAttribute = "expiresAt" }, out _).HasProperties(
            TableType, """{ "TimeToLiveSpecification": { "AttributeName": "expiresAt", "Enabled": true } }""");
    }

    [Fact]
    public void TableProps_ProvisionedBilling_ReplacesOnDemand()
    {
        // spec construct.md Merge: a user billing mode wins
        SynthWithTable(new TableProps { BillingMode = BillingMode.PROVISIONED, ReadCapacity = 7, WriteCapacity = 3 }, out _)
            .HasResourceProperties(TableType, new Dictionary<string, object>
            {
                ["BillingMode"] = Match.Absent(),
                ["ProvisionedThroughput"] = Json.Parse("""{ "ReadCapacityUnits": 7, "WriteCapacityUnits": 3 }"""),
            });
    }

    [Fact]
    public void TableProps_CapacitiesWithoutBillingMode_ImplyProvisioned()
    {
        // Our departure: capacities alone mean PROVISIONED (as in CDK) instead of clashing with the on-demand default
        SynthWithTable(new TableProps { ReadCapacity = 5, WriteCapacity = 5 }, out _)
            .HasResourceProperties(TableType, new Dictionary<string, object>
            {
                ["BillingMode"] = Match.Absent(),
                ["ProvisionedThroughput"] = Json.Parse("""{ "ReadCapacityUnits": 5, "WriteCapacityUnits": 5 }"""),
            });
    }

    [Fact]
    public void TableProps_CustomerKeyWithoutEncryption_ImpliesCustomerManaged()
    {
        // Our departure: a key alone means CUSTOMER_MANAGED (as in CDK) instead of clashing with the AWS_MANAGED default
        var stack = Stacks.NewStack();
        var key = new Key(stack, "TableKey");
        var props = Stacks.DefaultProps();
        props.DynamoTableProps = new TableProps { EncryptionKey = key };
        new DynamoDBStreamsToLambda(stack, "pattern", props);
        Template.FromStack(stack).HasProperties(TableType, $$"""
            { "SSESpecification": { "SSEEnabled": true, "SSEType": "KMS", "KMSMasterKeyId": { "Fn::GetAtt": [ "{{Stacks.LogicalId(key)}}", "Arn" ] } } }
            """);
    }

    [Fact]
    public void TableProps_RemovalPolicyDestroy_ReplacesRetain()
    {
        // spec construct.md Merge: a user removal policy wins
        SynthWithTable(new TableProps { RemovalPolicy = RemovalPolicy.DESTROY }, out _)
            .HasResourceJson(TableType, """{ "DeletionPolicy": "Delete", "UpdateReplacePolicy": "Delete" }""");
    }

    [Fact]
    public void TableProps_GlobalSecondaryIndexAddedToDynamoTable_ReachesTheTemplate()
    {
        // spec construct.md Public surface: DynamoTable is the created Table, so GSIs are added on it
        var props = Stacks.DefaultProps();
        var stack = Stacks.NewStack();
        var construct = new DynamoDBStreamsToLambda(stack, "pattern", props);
        construct.DynamoTable!.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
        {
            IndexName = "byCustomer",
            PartitionKey = new DynamoAttribute { Name = "customerId", Type = AttributeType.STRING },
        });
        Template.FromStack(stack).HasProperties(TableType, """
            {
              "GlobalSecondaryIndexes": [ {
                "IndexName": "byCustomer",
                "KeySchema": [ { "AttributeName": "customerId", "KeyType": "HASH" } ],
                "Projection": { "ProjectionType": "ALL" } } ]
            }
            """);
    }
}
