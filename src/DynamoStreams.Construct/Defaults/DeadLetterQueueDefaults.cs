using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SQS;
using DynamoStreams.Construct.Merging;

namespace DynamoStreams.Construct.Defaults;

/// <summary>Builds the event source's on-failure queue: SQS-managed KMS encryption, no queue of its own behind it, owner-only HTTPS policy.</summary>
internal static class DeadLetterQueueDefaults
{
    /// <summary>The construct id of the queue, as in the Solutions Construct.</summary>
    public const string ConstructId = "SqsDlqQueue";

    /// <summary>Creates the queue defaults.</summary>
    public static QueueProps Create() => new() { Encryption = QueueEncryption.KMS_MANAGED };

    /// <summary>Creates the queue under <paramref name="scope"/> from the defaults merged with <paramref name="user"/>, and its secure policy.</summary>
    public static Queue Build(Constructs.Construct scope, IQueueProps? user)
    {
        var merged = PropsMerger.Merge(Create(), user);

        // As in the Solutions Construct: an explicit fifo=false is left out rather than written to the template.
        if (merged.Fifo == false)
        {
            merged.Fifo = null;
        }

        var queue = new Queue(scope, ConstructId, merged);
        ApplySecurePolicy(queue);

        // cdk-nag knows a dead-letter queue only from another queue's RedrivePolicy, not from a mapping's OnFailure.
        ScannerSuppressions.AddCdkNag(queue, ("AwsSolutions-SQS3", "This queue is the dead-letter queue: the event-source mapping's on-failure destination.", []));
        return queue;
    }

    private static void ApplySecurePolicy(Queue queue)
    {
        queue.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "QueueOwnerOnlyAccess",
            Effect = Effect.ALLOW,
            Resources = [queue.QueueArn],
            Actions =
            [
                "sqs:DeleteMessage",
                "sqs:ReceiveMessage",
                "sqs:SendMessage",
                "sqs:GetQueueAttributes",
                "sqs:RemovePermission",
                "sqs:AddPermission",
                "sqs:SetQueueAttributes",
            ],
            Principals = [new AccountPrincipal(Amazon.CDK.Stack.Of(queue).Account)],
        }));
        queue.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "HttpsOnly",
            Effect = Effect.DENY,
            Resources = [queue.QueueArn],
            Actions = ["SQS:*"],
            Principals = [new AnyPrincipal()],
            Conditions = new Dictionary<string, object>
            {
                ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" },
            },
        }));
    }
}
