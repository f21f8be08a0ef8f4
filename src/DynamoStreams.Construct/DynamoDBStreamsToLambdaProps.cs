using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.SQS;

namespace DynamoStreams.Construct;

/// <summary>
/// Configures a <see cref="DynamoDBStreamsToLambda"/>: the seed construct's props with their .NET names.
/// Every props object given here is deep-merged over the construct's defaults: values you set win, anything you
/// leave unset keeps its default.
/// </summary>
public sealed class DynamoDBStreamsToLambdaProps
{
    /// <summary>
    /// Gets or sets a function to use as is (no role, tracing or environment changes); the stream-read and
    /// dead-letter-queue grants go onto its role. Any <see cref="IFunction"/> works, including one imported by ARN
    /// (give it a role with <see cref="Function.FromFunctionAttributes"/> so the grants have somewhere to go; a
    /// function without a role is an error).
    /// Providing both this and <see cref="LambdaFunctionProps"/> is an error.
    /// </summary>
    public IFunction? ExistingLambdaObj { get; set; }

    /// <summary>
    /// Gets or sets the function props, deep-merged over the defaults (own least-privilege role, X-Ray tracing
    /// ACTIVE, <c>AWS_NODEJS_CONNECTION_REUSE_ENABLED=1</c> on Node.js runtimes). A <see cref="IFunctionOptions.Role"/>
    /// here replaces the construct's role, which is then not created. Providing both this and
    /// <see cref="ExistingLambdaObj"/> is an error.
    /// </summary>
    public IFunctionProps? LambdaFunctionProps { get; set; }

    /// <summary>
    /// Gets or sets the table props, deep-merged over the defaults (on-demand billing, AWS-managed encryption,
    /// partition key <c>id</c> of type string, NEW_AND_OLD_IMAGES stream, point-in-time recovery, retained on stack
    /// deletion). Providing both this and <see cref="ExistingTableInterface"/> is an error.
    /// </summary>
    public ITableProps? DynamoTableProps { get; set; }

    /// <summary>
    /// Gets or sets an existing table to read from instead of creating one; it must have a stream (for an imported
    /// table, give <see cref="ITableAttributes.TableStreamArn"/>). Providing both this and
    /// <see cref="DynamoTableProps"/> is an error.
    /// </summary>
    public ITable? ExistingTableInterface { get; set; }

    /// <summary>
    /// Gets or sets the event-source props, deep-merged over the defaults (TRIM_HORIZON, bisect on error, maximum
    /// record age 24 hours, 500 retries, the dead-letter queue as on-failure destination). Build filters with
    /// <see cref="FilterCriteria.Filter"/>. An <see cref="IStreamEventSourceProps.OnFailure"/> here replaces the
    /// construct's dead-letter queue, which is then not created.
    /// </summary>
    public IDynamoEventSourceProps? DynamoEventSourceProps { get; set; }

    /// <summary>
    /// Gets or sets whether to deploy an SQS dead-letter queue as the event source's on-failure destination.
    /// Defaults to <see langword="true"/>; only an explicit <see langword="false"/> skips it.
    /// </summary>
    public bool? DeploySqsDlqQueue { get; set; }

    /// <summary>
    /// Gets or sets the dead-letter queue props, deep-merged over the defaults (SQS-managed KMS encryption, removed
    /// with the stack). Setting this together with <see cref="DeploySqsDlqQueue"/> = <see langword="false"/> is an error.
    /// </summary>
    public IQueueProps? SqsDlqQueueProps { get; set; }
}
