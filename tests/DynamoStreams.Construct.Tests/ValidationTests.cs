using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.SQS;
using DynamoStreams.Construct.Tests.Infrastructure;

namespace DynamoStreams.Construct.Tests;

public class ValidationTests
{
    private static ArgumentException Rejects(DynamoDBStreamsToLambdaProps props) =>
        Assert.Throws<ArgumentException>(() => new DynamoDBStreamsToLambda(Stacks.NewStack(), "pattern", props));

    private static Exception RejectsEventSource(DynamoEventSourceProps eventSourceProps)
    {
        var props = Stacks.DefaultProps();
        props.DynamoEventSourceProps = eventSourceProps;
        return Assert.ThrowsAny<Exception>(() => Stacks.Synth(props));
    }

    [Fact]
    public void Validate_ExistingLambdaObjAndLambdaFunctionProps_ThrowsExactMessage()
    {
        // spec construct.md Validation: both function inputs
        var stack = Stacks.NewStack();
        var existing = new Function(stack, "Existing", Stacks.NodeFunctionProps());
        var error = Assert.Throws<ArgumentException>(() => new DynamoDBStreamsToLambda(stack, "pattern", new DynamoDBStreamsToLambdaProps
        {
            ExistingLambdaObj = existing,
            LambdaFunctionProps = Stacks.NodeFunctionProps(),
        }));
        Assert.Equal("Error - Either provide lambdaFunctionProps or existingLambdaObj, but not both.", error.Message);
    }

    [Fact]
    public void Validate_NoFunctionInput_ThrowsExactMessage()
    {
        // spec construct.md Validation: neither function input
        var error = Rejects(new DynamoDBStreamsToLambdaProps());
        Assert.Equal("Either existingLambdaObj or lambdaFunctionProps is required", error.Message);
    }

    [Fact]
    public void Validate_ExistingFunctionImportedWithoutRole_ThrowsExactMessage()
    {
        // Our departure 7: CDK would fail later with "Cannot get policy fragment"; say what to do instead
        var stack = Stacks.NewStack();
        var function = Function.FromFunctionArn(stack, "Imported", "arn:aws:lambda:eu-west-1:123456789012:function:orders-handler");
        var error = Assert.Throws<ArgumentException>(() =>
            new DynamoDBStreamsToLambda(stack, "pattern", new DynamoDBStreamsToLambdaProps { ExistingLambdaObj = function }));
        Assert.Equal(
            "Error - existingLambdaObj has no role to receive the stream-read and dead-letter-queue grants; import it with Function.FromFunctionAttributes and a Role.",
            error.Message);
    }

    [Fact]
    public void Validate_DynamoTablePropsAndExistingTableInterface_ThrowsExactMessage()
    {
        // spec construct.md Validation: both table inputs (README departure 2)
        var stack = Stacks.NewStack();
        var table = new Table(stack, "Existing", new TableProps
        {
            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING },
            Stream = StreamViewType.NEW_IMAGE,
        });
        var error = Assert.Throws<ArgumentException>(() => new DynamoDBStreamsToLambda(stack, "pattern", new DynamoDBStreamsToLambdaProps
        {
            LambdaFunctionProps = Stacks.NodeFunctionProps(),
            ExistingTableInterface = table,
            DynamoTableProps = new TableProps { TableName = "ignored" },
        }));
        Assert.Equal("Error - Either provide existingTableInterface or dynamoTableProps, but not both.", error.Message);
    }

    [Fact]
    public void Validate_SqsDlqQueuePropsWithDeployFalse_ThrowsExactMessage()
    {
        // Our departure (README: every bad input gets a clear error): queue props for a queue that is not deployed
        var props = Stacks.DefaultProps();
        props.DeploySqsDlqQueue = false;
        props.SqsDlqQueueProps = new QueueProps { QueueName = "never-created" };
        Assert.Equal("Error - sqsDlqQueueProps cannot be set when deploySqsDlqQueue is false.", Rejects(props).Message);
    }

    [Fact]
    public void Validate_UserOnFailureWithSqsDlqQueueProps_ThrowsExactMessage()
    {
        // Our departure: a user OnFailure replaces the DLQ, so DLQ settings beside it would be silently ignored
        var stack = Stacks.NewStack();
        var props = Stacks.DefaultProps();
        props.DynamoEventSourceProps = new DynamoEventSourceProps { OnFailure = new SqsDlq(new Queue(stack, "Mine")) };
        props.SqsDlqQueueProps = new QueueProps { QueueName = "never-created" };
        var error = Assert.Throws<ArgumentException>(() => new DynamoDBStreamsToLambda(stack, "pattern", props));
        Assert.Equal(
            "Error - Either provide dynamoEventSourceProps.onFailure or deploySqsDlqQueue/sqsDlqQueueProps, but not both.",
            error.Message);
    }

    [Fact]
    public void Validate_UserOnFailureWithDeployTrue_ThrowsExactMessage()
    {
        // Our departure: an explicit request for the construct's DLQ contradicts a user OnFailure
        var stack = Stacks.NewStack();
        var props = Stacks.DefaultProps();
        props.DeploySqsDlqQueue = true;
        props.DynamoEventSourceProps = new DynamoEventSourceProps { OnFailure = new SqsDlq(new Queue(stack, "Mine")) };
        var error = Assert.Throws<ArgumentException>(() => new DynamoDBStreamsToLambda(stack, "pattern", props));
        Assert.StartsWith("Error - Either provide dynamoEventSourceProps.onFailure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NullProps_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new DynamoDBStreamsToLambda(Stacks.NewStack(), "pattern", null!));
    }

    [Fact]
    public void Validate_ExistingTableWithoutStream_ThrowsCdkStreamError()
    {
        // spec construct.md Validation: a table without a stream gets CDK's own error
        var stack = Stacks.NewStack();
        var table = Table.FromTableArn(stack, "NoStream", "arn:aws:dynamodb:eu-west-1:123456789012:table/orders");
        var error = Assert.ThrowsAny<Exception>(() => new DynamoDBStreamsToLambda(stack, "pattern", new DynamoDBStreamsToLambdaProps
        {
            LambdaFunctionProps = Stacks.NodeFunctionProps(),
            ExistingTableInterface = table,
        }));
        Assert.Contains("DynamoDB Streams must be enabled on the table TestStack/NoStream", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BatchSizeAbove10000_ThrowsCdkRangeError()
    {
        // spec construct.md Validation: batch size 1-10000
        var error = RejectsEventSource(new DynamoEventSourceProps { BatchSize = 10001 });
        Assert.Contains("Maximum batch size must be between 1 and 10000 inclusive (given 10001)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaxRecordAgeBelow60Seconds_ThrowsCdkRangeError()
    {
        // spec construct.md Validation: record age 60 s - 7 d
        var error = RejectsEventSource(new DynamoEventSourceProps { MaxRecordAge = Duration.Seconds(59) });
        Assert.Contains("maxRecordAge must be between 60 seconds and 7 days inclusive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaxRecordAgeAbove7Days_ThrowsCdkRangeError()
    {
        // spec construct.md Validation: record age 60 s - 7 d
        var error = RejectsEventSource(new DynamoEventSourceProps { MaxRecordAge = Duration.Days(8) });
        Assert.Contains("maxRecordAge must be between 60 seconds and 7 days inclusive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RetryAttemptsAbove10000_ThrowsCdkRangeError()
    {
        // spec construct.md Validation: retries -1 or 0-10000
        var error = RejectsEventSource(new DynamoEventSourceProps { RetryAttempts = 10001 });
        Assert.Contains("retryAttempts must be -1 (for infinite) or between 0 and 10000 inclusive, got 10001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ParallelizationFactorAbove10_ThrowsCdkRangeError()
    {
        // spec construct.md Validation: parallelization 1-10
        var error = RejectsEventSource(new DynamoEventSourceProps { ParallelizationFactor = 11 });
        Assert.Contains("parallelizationFactor must be between 1 and 10 inclusive, got 11", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TumblingWindowAbove900Seconds_ThrowsCdkRangeError()
    {
        // spec construct.md Validation: tumbling window <= 900 s
        var error = RejectsEventSource(new DynamoEventSourceProps { TumblingWindow = Duration.Seconds(901) });
        Assert.Contains("tumblingWindow cannot be over 900 seconds, got 901", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaxBatchingWindowAbove300Seconds_ThrowsCdkRangeError()
    {
        // spec construct.md Validation: batching window <= 300 s
        var error = RejectsEventSource(new DynamoEventSourceProps { MaxBatchingWindow = Duration.Seconds(301) });
        Assert.Contains("maxBatchingWindow cannot be over 300 seconds, got 301", error.Message, StringComparison.Ordinal);
    }
}
