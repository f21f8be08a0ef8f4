using Amazon.CDK.Assertions;
using DynamoStreams.Construct.Tests.Infrastructure;

namespace DynamoStreams.Construct.Tests;

public class TableDefaultsTests
{
    private const string TableType = "AWS::DynamoDB::Table";

    [Fact]
    public void Table_NoTableProps_IsPayPerRequest()
    {
        // spec construct.md Defaults: table billing PAY_PER_REQUEST
        Stacks.Synth(Stacks.DefaultProps()).HasProperties(TableType, """{ "BillingMode": "PAY_PER_REQUEST" }""");
    }

    [Fact]
    public void Table_NoTableProps_IsEncryptedWithAwsManagedKey()
    {
        // spec construct.md Defaults: encryption AWS_MANAGED -> SSESpecification {SSEEnabled: true}, no customer key
        var template = Stacks.Synth(Stacks.DefaultProps());
        template.HasProperties(TableType, """{ "SSESpecification": { "SSEEnabled": true } }""");
        template.HasResourceProperties(TableType, new Dictionary<string, object>
        {
            ["SSESpecification"] = new Dictionary<string, object> { ["KMSMasterKeyId"] = Match.Absent(), ["SSEType"] = Match.Absent() },
        });
    }

    [Fact]
    public void Table_NoTableProps_HasStringPartitionKeyNamedId()
    {
        // spec construct.md Defaults: partition key id, STRING
        Stacks.Synth(Stacks.DefaultProps()).HasProperties(TableType, """
            {
              "KeySchema": [ { "AttributeName": "id", "KeyType": "HASH" } ],
              "AttributeDefinitions": [ { "AttributeName": "id", "AttributeType": "S" } ]
            }
            """);
    }

    [Fact]
    public void Table_NoTableProps_StreamsNewAndOldImages()
    {
        // spec construct.md Defaults: stream NEW_AND_OLD_IMAGES
        Stacks.Synth(Stacks.DefaultProps())
            .HasProperties(TableType, """{ "StreamSpecification": { "StreamViewType": "NEW_AND_OLD_IMAGES" } }""");
    }

    [Fact]
    public void Table_NoTableProps_HasPointInTimeRecovery()
    {
        // spec construct.md Defaults: point-in-time recovery on
        Stacks.Synth(Stacks.DefaultProps()).HasProperties(
            TableType, """{ "PointInTimeRecoverySpecification": { "PointInTimeRecoveryEnabled": true } }""");
    }

    [Fact]
    public void Table_NoTableProps_IsRetainedOnStackDelete()
    {
        // spec construct.md Defaults: retained on stack delete
        Stacks.Synth(Stacks.DefaultProps())
            .HasResourceJson(TableType, """{ "DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain" }""");
    }

    [Fact]
    public void Table_NoTableProps_IsExposedAsTableAndInterface()
    {
        // spec construct.md Public surface: DynamoTable and DynamoTableInterface are the created table
        Stacks.Synth(Stacks.DefaultProps(), out var construct);
        Assert.NotNull(construct.DynamoTable);
        Assert.Same(construct.DynamoTable, construct.DynamoTableInterface);
        Assert.Equal("DynamoTable", construct.DynamoTable.Node.Id);
    }

    [Fact]
    public void Table_NoTableProps_CarriesTheCfnGuardSuppression()
    {
        // spec construct.md Defaults (real construct parity): AWS-managed encryption is accepted by cfn-guard
        Stacks.Synth(Stacks.DefaultProps()).HasResourceJson(
            TableType, """{ "Metadata": { "guard": { "SuppressedRules": [ "DYNAMODB_TABLE_ENCRYPTED_KMS" ] } } }""");
    }
}
