using Amazon.CDK;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Cdk.Mapping;
using DynamoStreams.Construct;

namespace Aspire.Hosting.DynamoStreams.Cdk;

/// <summary>
/// Represents the CloudFormation stack of one <c>AddDynamoStreamsLambda</c> declaration: the
/// <see cref="DynamoDBStreamsToLambda"/> construct with every declared option, and the outputs a client needs.
/// </summary>
public sealed class DynamoStreamsStack : Stack
{
    /// <summary>The output holding the table's name.</summary>
    public const string TableNameOutput = "TableName";

    /// <summary>The output holding the table's ARN.</summary>
    public const string TableArnOutput = "TableArn";

    /// <summary>The output holding the table stream's ARN.</summary>
    public const string StreamArnOutput = "StreamArn";

    /// <summary>The output holding the function's name.</summary>
    public const string FunctionNameOutput = "FunctionName";

    /// <summary>The output holding the function's ARN.</summary>
    public const string FunctionArnOutput = "FunctionArn";

    /// <summary>The output holding the dead-letter queue's URL (absent without a queue).</summary>
    public const string DeadLetterQueueUrlOutput = "DeadLetterQueueUrl";

    /// <summary>The output holding the dead-letter queue's ARN (absent without a queue).</summary>
    public const string DeadLetterQueueArnOutput = "DeadLetterQueueArn";

    /// <summary>Creates the stack for <paramref name="pattern"/> in <paramref name="scope"/>.</summary>
    /// <param name="scope">The CDK app.</param>
    /// <param name="pattern">The declaration.</param>
    /// <param name="options">The handler's packaged code and the stack's settings.</param>
    /// <exception cref="InvalidOperationException">The declaration needs something the options do not give.</exception>
    public DynamoStreamsStack(App scope, DynamoStreamsLambdaResource pattern, DynamoStreamsStackOptions options)
        : base(scope, options.StackProps?.StackName ?? pattern.Name, options.StackProps)
    {
        Declaration = pattern;
        var annotations = pattern.Annotations.OfType<DynamoStreamsCdkAnnotation>().ToList();

        var props = BuildProps(pattern, options);
        foreach (var annotation in annotations)
        {
            annotation.ConfigureProps?.Invoke(props, this);
        }

        Pattern = new DynamoDBStreamsToLambda(this, pattern.Name, props);
        if (Pattern.DynamoTable is { } table)
        {
            TableMapper.AddIndexes(table, pattern.Table);
        }

        EventSourceMapper.ApplyOverrides(this, pattern.EventSource);
        if (props.ExistingLambdaObj is null)
        {
            NagSuppressions.AddRuntime(Pattern.LambdaFunction, pattern.Handler.Runtime);
        }

        AddOutputs();

        foreach (var annotation in annotations)
        {
            annotation.ConfigureStack?.Invoke(this);
        }
    }

    /// <summary>Gets the declaration the stack was built from.</summary>
    public DynamoStreamsLambdaResource Declaration { get; }

    /// <summary>Gets the construct: its table, function and queue, for edits the options do not cover.</summary>
    public DynamoDBStreamsToLambda Pattern { get; }

    private DynamoDBStreamsToLambdaProps BuildProps(DynamoStreamsLambdaResource pattern, DynamoStreamsStackOptions options)
    {
        var props = new DynamoDBStreamsToLambdaProps
        {
            DynamoEventSourceProps = EventSourceMapper.ToProps(pattern.EventSource, disabled: AwsRunMode.CloudMappingDisabledAnnotation.IsSet(pattern)),
        };

        if (pattern.Handler.Kind == LambdaHandlerKind.ExistingFunction)
        {
            props.ExistingLambdaObj = FunctionMapper.Import(this, pattern, options);
        }
        else
        {
            props.LambdaFunctionProps = FunctionMapper.ToProps(pattern, options);
        }

        if (pattern.ExistingTable is { } existing)
        {
            props.ExistingTableInterface = TableMapper.Import(this, pattern, existing, options.ExistingTableStack);
        }
        else
        {
            props.DynamoTableProps = TableMapper.ToProps(pattern.Table);
        }

        if (!pattern.DeploySqsDlqQueue)
        {
            props.DeploySqsDlqQueue = false;
        }
        else if (DeadLetterQueueMapper.ToProps(pattern.DeadLetterQueue) is { } queueProps)
        {
            props.SqsDlqQueueProps = queueProps;
        }

        return props;
    }

    private void AddOutputs()
    {
        Output(TableNameOutput, Pattern.DynamoTableInterface.TableName, "The table's name.");
        Output(TableArnOutput, Pattern.DynamoTableInterface.TableArn, "The table's ARN.");
        Output(StreamArnOutput, Pattern.DynamoTableInterface.TableStreamArn!, "The ARN of the table's stream.");
        Output(FunctionNameOutput, Pattern.LambdaFunction.FunctionName, "The function's name.");
        Output(FunctionArnOutput, Pattern.LambdaFunction.FunctionArn, "The function's ARN.");
        if (Pattern.SqsDlqQueue is { } queue)
        {
            Output(DeadLetterQueueUrlOutput, queue.QueueUrl, "The dead-letter queue's URL.");
            Output(DeadLetterQueueArnOutput, queue.QueueArn, "The dead-letter queue's ARN.");
        }
    }

    private void Output(string id, string value, string description) =>
        _ = new CfnOutput(this, id, new CfnOutputProps { Value = value, Description = description });
}
