using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Hosting.DynamoStreams.Tests;

public class ValidationTests
{
    private const string StreamArn = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000";

    public static TheoryData<string, Action<IResourceBuilder<DynamoStreamsLambdaResource>>, string> InvalidDeclarations => new()
    {
        // spec construct.md "Validation (exact messages)"
        { "table props and existing table", p => p.WithTable(t => t.TableName = "Orders").WithExistingTable("Orders", StreamArn), "Error - Either provide existingTableInterface or dynamoTableProps, but not both." },
        { "existing table without stream", p => p.WithExistingTable("Orders", ""), "DynamoDB Streams must be enabled on the table Orders" },
        { "existing table bad stream arn", p => p.WithExistingTable("Orders", "stream"), "is not a DynamoDB stream ARN" },
        { "existing table bad arn", p => p.WithExistingTable("arn:aws:s3:::bucket", StreamArn), "ARN for DynamoDB table must be in the form" },
        { "existing table self", p => p.WithExistingTable(p), "refers back to this pattern" },
        { "existing table both name and arn", p => p.WithExistingTable("Orders", StreamArn, e => e.TableArn = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders"), "Only one of tableArn or tableName can be provided" },
        // CDK's event-source range errors (B.1)
        { "batch size 0", p => p.WithEventSource(e => e.BatchSize = 0), "Maximum batch size must be between 1 and 10000 inclusive (given 0)" },
        { "batch size 10001", p => p.WithEventSource(e => e.BatchSize = 10001), "Maximum batch size must be between 1 and 10000 inclusive (given 10001)" },
        { "batching window 301 s", p => p.WithEventSource(e => e.MaxBatchingWindow = TimeSpan.FromSeconds(301)), "maxBatchingWindow cannot be over 300 seconds, got 301" },
        { "record age 59 s", p => p.WithEventSource(e => e.MaxRecordAge = TimeSpan.FromSeconds(59)), "maxRecordAge must be between 60 seconds and 7 days inclusive" },
        { "record age 8 days", p => p.WithEventSource(e => e.MaxRecordAge = TimeSpan.FromDays(8)), "maxRecordAge must be between 60 seconds and 7 days inclusive" },
        { "retries -2", p => p.WithEventSource(e => e.RetryAttempts = -2), "retryAttempts must be between 0 and 10000 inclusive, got -2" },
        { "retries 10001", p => p.WithEventSource(e => e.RetryAttempts = 10001), "retryAttempts must be between 0 and 10000 inclusive, got 10001" },
        { "parallelization 11", p => p.WithEventSource(e => e.ParallelizationFactor = 11), "parallelizationFactor must be between 1 and 10 inclusive, got 11" },
        { "tumbling window 901 s", p => p.WithEventSource(e => e.TumblingWindow = TimeSpan.FromSeconds(901)), "tumblingWindow cannot be over 900 seconds, got 901" },
        { "six filters", p => p.WithEventSource(e => { for (var i = 0; i < 6; i++) { e.Filters.Add("""{"eventName":["INSERT"]}"""); } }), "has 6 patterns; a mapping accepts at most 5" },
        { "filter not json", p => p.WithEventSource(e => e.Filters.Add("{eventName")), "is not valid JSON" },
        { "filter not object", p => p.WithEventSource(e => e.Filters.Add("[1]")), "is not a JSON object" },
        { "unknown metric", p => p.WithEventSource(e => e.MetricsConfig.Add("KafkaMetrics")), "supports 'EventCount' and 'ErrorCount'" },
        // CDK's table errors
        { "pay per request with capacity", p => p.WithTable(t => t.ReadCapacity = 5), "you cannot provision read and write capacity for a table with PAY_PER_REQUEST billing mode" },
        { "sort key equals partition key", p => p.WithTable(t => t.SortKey = new("id")), "Unable to set id as a RANGE key, because id is a HASH key" },
        { "local index without sort key", p => p.WithTable(t => t.LocalSecondaryIndexes.Add(new() { IndexName = "byDate", SortKey = new("date") })), "a sort key of the table must be specified to add local secondary indexes" },
        { "six local indexes", p => p.WithTable(t => { t.SortKey = new("sk"); for (var i = 0; i < 6; i++) { t.LocalSecondaryIndexes.Add(new() { IndexName = $"lsi{i}", SortKey = new($"a{i}") }); } }), "a maximum number of local secondary index per table is 5" },
        { "duplicate index name", p => p.WithTable(t => { t.GlobalSecondaryIndexes.Add(new() { IndexName = "byStatus", PartitionKey = new("status") }); t.GlobalSecondaryIndexes.Add(new() { IndexName = "byStatus", PartitionKey = new("state") }); }), "a duplicate index name, byStatus, is not allowed" },
        { "include without attributes", p => p.WithTable(t => t.GlobalSecondaryIndexes.Add(new() { IndexName = "byStatus", PartitionKey = new("status"), ProjectionType = DynamoProjectionType.Include })), "non-key attributes should be specified when using INCLUDE projection type" },
        { "attributes without include", p => p.WithTable(t => t.GlobalSecondaryIndexes.Add(new() { IndexName = "byStatus", PartitionKey = new("status"), NonKeyAttributes = { "x" } })), "non-key attributes should not be specified when not using INCLUDE projection type" },
        { "conflicting attribute types", p => p.WithTable(t => t.GlobalSecondaryIndexes.Add(new() { IndexName = "byId", PartitionKey = new("id", DynamoAttributeType.Number) })), "Unable to specify id as N because it was already defined as S" },
        { "index capacity on demand", p => p.WithTable(t => t.GlobalSecondaryIndexes.Add(new() { IndexName = "byStatus", PartitionKey = new("status"), ReadCapacity = 1 })), "Remove ReadCapacity/WriteCapacity from index 'byStatus'" },
        { "bad table name", p => p.WithTable(t => t.TableName = "a b"), "Table.TableName 'a b' is invalid" },
        { "empty partition key name", p => p.WithTable(t => t.PartitionKey = new("")), "Table.PartitionKey has no attribute name" },
        { "empty ttl attribute", p => p.WithTable(t => t.TimeToLiveAttribute = ""), "Table.TimeToLiveAttribute is empty" },
        { "bad index name", p => p.WithTable(t => t.GlobalSecondaryIndexes.Add(new() { IndexName = "x", PartitionKey = new("status") })), "The index name 'x' is invalid" },
        // Lambda's function rules
        { "timeout 0", p => p.WithFunction(f => f.Timeout = TimeSpan.Zero), "Function.Timeout is 0 seconds; a Lambda function timeout is between 1 second and 15 minutes" },
        { "timeout 16 min", p => p.WithFunction(f => f.Timeout = TimeSpan.FromMinutes(16)), "Function.Timeout is 960 seconds" },
        { "timeout fractional", p => p.WithFunction(f => f.Timeout = TimeSpan.FromMilliseconds(1500)), "Lambda counts timeouts in whole seconds" },
        { "memory 64", p => p.WithFunction(f => f.MemorySize = 64), "Function.MemorySize is 64 MB" },
        { "negative concurrency", p => p.WithFunction(f => f.ReservedConcurrentExecutions = -1), "Function.ReservedConcurrentExecutions is -1" },
        { "reserved env key", p => p.WithFunctionEnvironment("AWS_REGION", "eu-west-1"), "Reserved keys used in this request: AWS_REGION" },
        { "bad env key", p => p.WithFunctionEnvironment("1X", "v"), "The environment variable name '1X' in Function.Environment is invalid" },
        { "bad function name", p => p.WithFunction(f => f.FunctionName = "a b"), "Function.FunctionName 'a b' is invalid" },
        // the dead-letter queue
        { "queue configured and off", p => p.WithDeadLetterQueue(q => q.QueueName = "dlq").WithoutDeadLetterQueue(), "WithDeadLetterQueue(...) configured the queue and WithoutDeadLetterQueue() turned it off" },
        { "fifo queue", p => p.WithDeadLetterQueue(q => q.QueueName = "dlq.fifo"), "must be a standard queue" },
        { "bad queue name", p => p.WithDeadLetterQueue(q => q.QueueName = "a b"), "DeadLetterQueue.QueueName 'a b' is invalid" },
        { "retention 30 s", p => p.WithDeadLetterQueue(q => q.RetentionPeriod = TimeSpan.FromSeconds(30)), "DeadLetterQueue.RetentionPeriod is 30 seconds; it must be between 60 seconds and 14 days" },
        { "visibility 13 h", p => p.WithDeadLetterQueue(q => q.VisibilityTimeout = TimeSpan.FromHours(13)), "DeadLetterQueue.VisibilityTimeout" },
        { "delay 16 min", p => p.WithDeadLetterQueue(q => q.DeliveryDelay = TimeSpan.FromMinutes(16)), "DeadLetterQueue.DeliveryDelay" },
        { "wait 21 s", p => p.WithDeadLetterQueue(q => q.ReceiveMessageWaitTime = TimeSpan.FromSeconds(21)), "DeadLetterQueue.ReceiveMessageWaitTime" },
    };

    [Theory]
    [MemberData(nameof(InvalidDeclarations))]
    public void Declaration_InvalidOption_FailsNamingThePatternAndTheProblem(string @case, Action<IResourceBuilder<DynamoStreamsLambdaResource>> configure, string expected)
    {
        var builder = TestBuilders.Run();
        var pattern = builder.AddDynamoStreamsLambda<HandlerSampleProject>("orders");

        var error = Assert.Throws<DistributedApplicationException>(() => configure(pattern));

        Assert.StartsWith("DynamoStreams pattern 'orders': ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.False(string.IsNullOrEmpty(@case));
    }

    [Fact]
    public void AddDynamoStreamsLambda_ExistingFunctionInRunMode_IsRejectedWithTheFix()
    {
        // DESIGN.md: cloud-only options are rejected clearly in local runs
        var builder = TestBuilders.Run();

        var error = Assert.Throws<DistributedApplicationException>(() =>
            builder.AddDynamoStreamsLambda("legacy", LambdaHandler.FromExistingFunction("legacy-fn")));

        Assert.Contains("the existing function 'legacy-fn', which runs only in AWS", error.Message);
        Assert.Contains("LambdaHandler.FromProject<T>()", error.Message);
    }

    [Fact]
    public void WithFunction_ExistingFunction_FailsWithTheConstructsMessage()
    {
        // spec construct.md: existingLambdaObj and lambdaFunctionProps both given
        var builder = TestBuilders.Publish(Directory.CreateTempSubdirectory("dynamostreams-manifest").FullName);
        var pattern = builder.AddDynamoStreamsLambda("legacy", LambdaHandler.FromExistingFunction("legacy-fn"));

        var error = Assert.Throws<DistributedApplicationException>(() => pattern.WithFunction(f => f.MemorySize = 256));

        Assert.Contains("Error - Either provide lambdaFunctionProps or existingLambdaObj, but not both.", error.Message);
    }

    [Fact]
    public void FromNodeCode_MissingFolder_FailsNamingTheFolder()
    {
        var builder = TestBuilders.Run();
        var missing = Path.Combine(Path.GetTempPath(), "no-such-lambda-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddDynamoStreamsLambda("seed", LambdaHandler.FromNodeCode(missing)));

        Assert.Contains($"the Node.js code folder '{missing}' does not exist", error.Message);
    }

    [Fact]
    public void FromNodeCode_MissingModule_FailsNamingTheFilesLookedFor()
    {
        using var folder = new TempCodeFolder("app.js");
        var builder = TestBuilders.Run();

        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddDynamoStreamsLambda("seed", LambdaHandler.FromNodeCode(folder.Path)));

        Assert.Contains("the Node.js handler 'index.handler' needs index.js, index.mjs or index.cjs", error.Message);
    }

    [Theory]
    [InlineData("index", "must be 'file.export'")]
    [InlineData("index.", "must be 'file.export'")]
    public void FromNodeCode_BadHandlerString_Throws(string handler, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => LambdaHandler.FromNodeCode("lambda", handler));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void FromNodeCode_NonNodeRuntime_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => LambdaHandler.FromNodeCode("lambda", runtime: "python3.12"));

        Assert.Contains("is not a Lambda Node.js runtime", error.Message);
    }

    [Fact]
    public void FromProject_UnknownRuntime_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => LambdaHandler.FromProject("x.csproj", "java21"));

        Assert.Contains("use 'provided.al2023'", error.Message);
    }
}
