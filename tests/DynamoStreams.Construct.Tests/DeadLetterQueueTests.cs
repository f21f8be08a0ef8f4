using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.SQS;
using DynamoStreams.Construct.Tests.Infrastructure;

namespace DynamoStreams.Construct.Tests;

public class DeadLetterQueueTests
{
    private const string QueueType = "AWS::SQS::Queue";

    [Fact]
    public void Dlq_Default_UsesSqsManagedKmsKey()
    {
        // spec construct.md Defaults: DLQ SQS-managed KMS key -> KmsMasterKeyId alias/aws/sqs
        var template = Stacks.Synth(Stacks.DefaultProps());
        template.ResourceCountIs(QueueType, 1);
        template.HasProperties(QueueType, """{ "KmsMasterKeyId": "alias/aws/sqs" }""");
    }

    [Fact]
    public void Dlq_Default_IsRemovedWithTheStack()
    {
        // spec construct.md Defaults: DLQ removed with the stack -> DeletionPolicy Delete
        Stacks.Synth(Stacks.DefaultProps())
            .HasResourceJson(QueueType, """{ "DeletionPolicy": "Delete", "UpdateReplacePolicy": "Delete" }""");
    }

    [Fact]
    public void Dlq_Default_HasNoDeadLetterQueueOfItsOwn()
    {
        // spec construct.md Defaults: DLQ has no DLQ of its own
        Stacks.Synth(Stacks.DefaultProps())
            .HasResourceProperties(QueueType, new Dictionary<string, object> { ["RedrivePolicy"] = Match.Absent() });
    }

    [Fact]
    public void Dlq_Default_PolicyAllowsOnlyTheAccountAndDeniesPlainHttp()
    {
        // spec construct.md Defaults: queue policy Allow account root 7 actions; Deny SQS:* to * without SecureTransport
        var template = Stacks.Synth(Stacks.DefaultProps(), out var construct);
        var queueId = Stacks.LogicalId(construct.SqsDlqQueue!);
        template.ResourceCountIs("AWS::SQS::QueuePolicy", 1);
        template.HasProperties("AWS::SQS::QueuePolicy", $$"""
            {
              "PolicyDocument": {
                "Statement": [
                  {
                    "Action": [ "sqs:DeleteMessage", "sqs:ReceiveMessage", "sqs:SendMessage", "sqs:GetQueueAttributes",
                                "sqs:RemovePermission", "sqs:AddPermission", "sqs:SetQueueAttributes" ],
                    "Effect": "Allow",
                    "Principal": { "AWS": { "Fn::Join": [ "", [ "arn:", { "Ref": "AWS::Partition" }, ":iam::", { "Ref": "AWS::AccountId" }, ":root" ] ] } },
                    "Resource": { "Fn::GetAtt": [ "{{queueId}}", "Arn" ] },
                    "Sid": "QueueOwnerOnlyAccess"
                  },
                  {
                    "Action": "SQS:*",
                    "Condition": { "Bool": { "aws:SecureTransport": "false" } },
                    "Effect": "Deny",
                    "Principal": { "AWS": "*" },
                    "Resource": { "Fn::GetAtt": [ "{{queueId}}", "Arn" ] },
                    "Sid": "HttpsOnly"
                  }
                ],
                "Version": "2012-10-17"
              },
              "Queues": [ { "Ref": "{{queueId}}" } ]
            }
            """);
    }

    [Fact]
    public void Dlq_DeploySqsDlqQueueFalse_CreatesNoQueueNoDestinationNoSqsGrant()
    {
        // spec construct.md Props: only an explicit false skips the dead-letter queue
        var props = Stacks.DefaultProps();
        props.DeploySqsDlqQueue = false;
        var template = Stacks.Synth(props, out var construct);
        Assert.Null(construct.SqsDlqQueue);
        template.ResourceCountIs(QueueType, 0);
        template.ResourceCountIs("AWS::SQS::QueuePolicy", 0);
        template.HasResourceProperties("AWS::Lambda::EventSourceMapping", new Dictionary<string, object>
        {
            ["DestinationConfig"] = Match.Absent(),
            ["BisectBatchOnFunctionError"] = true,
            ["MaximumRecordAgeInSeconds"] = 86400d,
            ["MaximumRetryAttempts"] = 500d,
        });
        Assert.DoesNotContain("sqs:", template.DefaultPolicyStatements(), StringComparison.Ordinal);
    }

    [Fact]
    public void Dlq_DeploySqsDlqQueueTrue_IsTheDefault()
    {
        // spec construct.md Props: DeploySqsDlqQueue defaults to true
        var props = Stacks.DefaultProps();
        props.DeploySqsDlqQueue = true;
        var template = Stacks.Synth(props, out var construct);
        Assert.NotNull(construct.SqsDlqQueue);
        template.ResourceCountIs(QueueType, 1);
    }

    [Fact]
    public void Dlq_QueueProps_MergeOverDefaultsKeepingEncryption()
    {
        // spec construct.md Merge: user values win, unset values keep the default (encryption stays SQS-managed KMS)
        var props = Stacks.DefaultProps();
        props.SqsDlqQueueProps = new QueueProps
        {
            QueueName = "orders-dlq",
            RetentionPeriod = Duration.Days(14),
            RemovalPolicy = RemovalPolicy.RETAIN,
        };
        var template = Stacks.Synth(props);
        template.HasProperties(QueueType, """
            { "QueueName": "orders-dlq", "MessageRetentionPeriod": 1209600, "KmsMasterKeyId": "alias/aws/sqs" }
            """);
        template.HasResourceJson(QueueType, """{ "DeletionPolicy": "Retain" }""");
    }

    [Fact]
    public void Dlq_QueuePropsWithSqsManagedEncryption_ReplacesKms()
    {
        // spec construct.md Merge: a user value wins over the encryption default
        var props = Stacks.DefaultProps();
        props.SqsDlqQueueProps = new QueueProps { Encryption = QueueEncryption.SQS_MANAGED };
        Stacks.Synth(props).HasResourceProperties(QueueType, new Dictionary<string, object>
        {
            ["SqsManagedSseEnabled"] = true,
            ["KmsMasterKeyId"] = Match.Absent(),
        });
    }

    [Fact]
    public void Dlq_QueuePropsWithFifoFalse_LeavesFifoOutOfTheTemplate()
    {
        // spec construct.md Defaults (real construct parity): an explicit fifo=false is not written
        var props = Stacks.DefaultProps();
        props.SqsDlqQueueProps = new QueueProps { Fifo = false };
        Stacks.Synth(props)
            .HasResourceProperties(QueueType, new Dictionary<string, object> { ["FifoQueue"] = Match.Absent() });
    }
}
