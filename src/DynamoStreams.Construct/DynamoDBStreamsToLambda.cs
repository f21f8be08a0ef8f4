using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.SQS;
using DynamoStreams.Construct.Defaults;
using DynamoStreams.Construct.Validation;

namespace DynamoStreams.Construct;

/// <summary>
/// Creates the AWS Solutions Construct pattern <c>aws-dynamodbstreams-lambda</c>: a DynamoDB table with a stream,
/// a Lambda function reading it through an event-source mapping with least-privilege permissions, X-Ray tracing,
/// and failure handling that bisects failing batches, retries, ages records out and sends what is left to an SQS
/// dead-letter queue.
/// </summary>
/// <example>
/// <code>
/// var pattern = new DynamoDBStreamsToLambda(this, "test-dynamodbstreams-lambda", new DynamoDBStreamsToLambdaProps
/// {
///     LambdaFunctionProps = new FunctionProps
///     {
///         Code = Code.FromAsset("lambda"),
///         Runtime = Runtime.NODEJS_20_X,
///         Handler = "index.handler",
///     },
/// });
/// </code>
/// </example>
public class DynamoDBStreamsToLambda : Constructs.Construct
{
    /// <summary>Creates the pattern under <paramref name="scope"/>.</summary>
    /// <param name="scope">The parent construct, usually a <see cref="Amazon.CDK.Stack"/>.</param>
    /// <param name="id">The construct id, unique within <paramref name="scope"/>.</param>
    /// <param name="props">The pattern's props; see <see cref="DynamoDBStreamsToLambdaProps"/> for the defaults they override.</param>
    /// <exception cref="ArgumentException">The props contradict each other; the message names the props involved.</exception>
    public DynamoDBStreamsToLambda(Constructs.Construct scope, string id, DynamoDBStreamsToLambdaProps props)
        : base(scope, id)
    {
        PropsValidator.Validate(props);

        LambdaFunction = props.ExistingLambdaObj ?? FunctionDefaults.Build(this, props.LambdaFunctionProps!);

        if (props.ExistingTableInterface is null)
        {
            DynamoTable = TableDefaults.Build(this, props.DynamoTableProps);
            DynamoTableInterface = DynamoTable;
        }
        else
        {
            DynamoTableInterface = props.ExistingTableInterface;
        }

        // Granted before the mapping exists so the role's statements read: stream read, then the DLQ send.
        DynamoTableInterface.GrantStreamRead(LambdaFunction.GrantPrincipal);

        if (props.DeploySqsDlqQueue != false && props.DynamoEventSourceProps?.OnFailure is null)
        {
            SqsDlqQueue = DeadLetterQueueDefaults.Build(this, props.SqsDlqQueueProps);
        }

        var eventSourceProps = EventSourceDefaults.Build(SqsDlqQueue, props.DynamoEventSourceProps);
        LambdaFunction.AddEventSource(new DynamoEventSource(DynamoTableInterface, eventSourceProps));

        // The policy holding the pattern's grants exists only now, after the stream-read grant and the mapping: the
        // created role's DefaultPolicy, or the Policy CDK adds to an existing function's imported role.
        if ((LambdaFunction.Role?.Node.TryFindChild("DefaultPolicy") ?? LambdaFunction.Role?.Node.TryFindChild("Policy")) is { } grantsPolicy)
        {
            ScannerSuppressions.AddCdkNag(
                grantsPolicy.Node.FindChild("Resource"),
                ("AwsSolutions-IAM5", "dynamodb:ListStreams, the X-Ray actions and the VPC network-interface actions accept no narrower resource than *.", ["Resource::*"]));
        }
    }

    /// <summary>Gets the function the stream invokes: the one created from the function props, or the existing one given.</summary>
    public IFunction LambdaFunction { get; }

    /// <summary>Gets the table whose stream drives the function: the one created, or the existing one given.</summary>
    public ITable DynamoTableInterface { get; }

    /// <summary>Gets the table the construct created, or <see langword="null"/> when an existing table was given.</summary>
    public Table? DynamoTable { get; }

    /// <summary>Gets the dead-letter queue the construct created, or <see langword="null"/> when none was deployed.</summary>
    public Queue? SqsDlqQueue { get; }
}
