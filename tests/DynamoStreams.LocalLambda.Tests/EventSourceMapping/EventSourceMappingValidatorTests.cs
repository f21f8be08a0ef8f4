using DynamoStreams.LocalLambda.EventSourceMapping.Configuration;
using DynamoStreams.LocalLambda.EventSourceMapping.Errors;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping;

public sealed class EventSourceMappingValidatorTests
{
    private const string StreamArn = "arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/2026-11-25T01:00:00.000";

    private static EventSourceMappingOptions Required() => new()
    {
        EventSourceArn = StreamArn,
        FunctionName = "order-handler",
        StartingPosition = "TRIM_HORIZON",
    };

    [Fact]
    public void Validate_OnlyRequiredFields_AppliesAwsDefaults()
    {
        // spec B.8 #1, B.1 defaults
        var config = EventSourceMappingValidator.Validate(Required());

        Assert.Equal(100, config.BatchSize);
        Assert.Equal(0, config.MaximumBatchingWindowInSeconds);
        Assert.Equal(1, config.ParallelizationFactor);
        Assert.Equal(-1, config.MaximumRetryAttempts);
        Assert.Equal(-1, config.MaximumRecordAgeInSeconds);
        Assert.False(config.BisectBatchOnFunctionError);
        Assert.True(config.Enabled);
        Assert.False(config.ReportBatchItemFailures);
        Assert.Null(config.OnFailureDestination);
        Assert.Equal(0, config.TumblingWindowInSeconds);
        Assert.True(config.Filters.IsEmpty);
        Assert.Equal(StartingPosition.TrimHorizon, config.StartingPosition);
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:order-handler", config.FunctionArn);
        Assert.True(Guid.TryParse(config.Uuid, out _));
    }

    [Theory]
    [InlineData(30)]
    [InlineData(0)]
    [InlineData(59)]
    public void Validate_RecordAgeBelowSixty_ThrowsInvalidParameterValue(int age)
    {
        // spec B.8 #2, B.1 MaximumRecordAgeInSeconds
        var options = Required();
        options.MaximumRecordAgeInSeconds = age;

        var ex = Assert.Throws<InvalidParameterValueException>(() => EventSourceMappingValidator.Validate(options));

        Assert.Equal("MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)", ex.Message);
        Assert.Equal("InvalidParameterValueException", ex.ErrorCode);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(-1)]
    [InlineData(604800)]
    public void Validate_RecordAgeInRange_Accepted(int age)
    {
        // spec B.8 #2
        var options = Required();
        options.MaximumRecordAgeInSeconds = age;

        Assert.Equal(age, EventSourceMappingValidator.Validate(options).MaximumRecordAgeInSeconds);
    }

    [Theory]
    [InlineData("age", 604801, "Value '604801' at 'maximumRecordAgeInSeconds' failed to satisfy constraint: Member must have value less than or equal to 604800")]
    [InlineData("retries", 10001, "Value '10001' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 10000")]
    [InlineData("retries", -2, "Value '-2' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value greater than or equal to -1")]
    [InlineData("pf", 11, "Value '11' at 'parallelizationFactor' failed to satisfy constraint: Member must have value less than or equal to 10")]
    [InlineData("pf", 0, "Value '0' at 'parallelizationFactor' failed to satisfy constraint: Member must have value greater than or equal to 1")]
    [InlineData("batch", 10001, "Value '10001' at 'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10000")]
    [InlineData("batch", 0, "Value '0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1")]
    [InlineData("window", 301, "Value '301' at 'maximumBatchingWindowInSeconds' failed to satisfy constraint: Member must have value less than or equal to 300")]
    [InlineData("tumbling", 901, "Value '901' at 'tumblingWindowInSeconds' failed to satisfy constraint: Member must have value less than or equal to 900")]
    public void Validate_ValueOutsideModelRange_ThrowsValidationException(string parameter, int value, string expected)
    {
        // spec B.8 #2, B.1 ranges
        var options = Required();
        switch (parameter)
        {
            case "age": options.MaximumRecordAgeInSeconds = value; break;
            case "retries": options.MaximumRetryAttempts = value; break;
            case "pf": options.ParallelizationFactor = value; break;
            case "batch": options.BatchSize = value; break;
            case "window": options.MaximumBatchingWindowInSeconds = value; break;
            default: options.TumblingWindowInSeconds = value; break;
        }

        var ex = Assert.Throws<LambdaValidationException>(() => EventSourceMappingValidator.Validate(options));

        Assert.Equal("1 validation error detected: " + expected, ex.Message);
        Assert.Equal("ValidationException", ex.ErrorCode);
    }

    [Fact]
    public void Validate_SeveralValuesOutOfRange_ReportsAllInOneMessage()
    {
        // spec B.1 (AWS lists every model violation)
        var options = Required();
        options.BatchSize = 20000;
        options.ParallelizationFactor = 11;

        var ex = Assert.Throws<LambdaValidationException>(() => EventSourceMappingValidator.Validate(options));

        Assert.StartsWith("2 validation errors detected: Value '20000' at 'batchSize'", ex.Message);
        Assert.Contains("; Value '11' at 'parallelizationFactor'", ex.Message);
    }

    [Fact]
    public void Validate_AtTimestamp_ThrowsInvalidParameterValue()
    {
        // spec B.8 #2: AT_TIMESTAMP is Kinesis-only
        var options = Required();
        options.StartingPosition = "AT_TIMESTAMP";

        var ex = Assert.Throws<InvalidParameterValueException>(() => EventSourceMappingValidator.Validate(options));

        Assert.Contains("AT_TIMESTAMP", ex.Message);
        Assert.Contains("TRIM_HORIZON or LATEST", ex.Message);
    }

    [Theory]
    [InlineData("EARLIEST")]
    [InlineData("latest")]
    public void Validate_UnknownStartingPosition_ThrowsValidationException(string position)
    {
        // spec B.1 StartingPosition enum
        var options = Required();
        options.StartingPosition = position;

        var ex = Assert.Throws<LambdaValidationException>(() => EventSourceMappingValidator.Validate(options));

        Assert.Contains("Member must satisfy enum value set: [TRIM_HORIZON, AT_TIMESTAMP, LATEST]", ex.Message);
    }

    [Fact]
    public void Validate_MissingStartingPosition_ThrowsInvalidParameterValue()
    {
        // spec B.1: StartingPosition is required for streams
        var options = Required();
        options.StartingPosition = null;

        var ex = Assert.Throws<InvalidParameterValueException>(() => EventSourceMappingValidator.Validate(options));

        Assert.Contains("StartingPosition is required", ex.Message);
    }

    [Fact]
    public void Validate_MissingFunctionName_ThrowsValidationException()
    {
        // spec B.1: FunctionName is required
        var options = Required();
        options.FunctionName = null;

        var ex = Assert.Throws<LambdaValidationException>(() => EventSourceMappingValidator.Validate(options));

        Assert.Equal("1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null", ex.Message);
    }

    [Theory]
    [InlineData("arn:aws:kinesis:us-east-1:000000000000:stream/orders")]
    [InlineData("arn:aws:dynamodb:us-east-1:000000000000:table/Orders")]
    public void Validate_NotAStreamArn_ThrowsInvalidParameterValue(string arn)
    {
        // spec B.1 EventSourceArn: a DynamoDB stream ARN
        var options = Required();
        options.EventSourceArn = arn;

        var ex = Assert.Throws<InvalidParameterValueException>(() => EventSourceMappingValidator.Validate(options));

        Assert.Contains("DynamoDB stream ARN", ex.Message);
    }

    [Theory]
    [InlineData("order-handler", "order-handler", "arn:aws:lambda:us-east-1:000000000000:function:order-handler")]
    [InlineData("order-handler:live", "order-handler", "arn:aws:lambda:us-east-1:000000000000:function:order-handler")]
    [InlineData("123456789012:function:order-handler", "order-handler", "arn:aws:lambda:us-east-1:000000000000:function:order-handler")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:order-handler:$LATEST", "order-handler", "arn:aws:lambda:eu-west-1:123456789012:function:order-handler")]
    public void Validate_FunctionNameForms_ResolveNameAndArn(string given, string name, string arn)
    {
        // spec B.1 FunctionName: name / ARN / partial / qualified ARN
        var options = Required();
        options.FunctionName = given;

        var config = EventSourceMappingValidator.Validate(options);

        Assert.Equal(name, config.FunctionShortName);
        Assert.Equal(arn, config.FunctionArn);
    }

    [Fact]
    public void Validate_UnknownFunctionResponseType_ThrowsValidationException()
    {
        // spec B.1 FunctionResponseTypes: at most ["ReportBatchItemFailures"]
        var options = Required();
        options.FunctionResponseTypes = ["ReportItemFailures"];

        var ex = Assert.Throws<LambdaValidationException>(() => EventSourceMappingValidator.Validate(options));

        Assert.Contains("Member must satisfy enum value set: [ReportBatchItemFailures]", ex.Message);
    }

    [Fact]
    public void Validate_ReportBatchItemFailures_Enabled()
    {
        // spec B.1 FunctionResponseTypes
        var options = Required();
        options.FunctionResponseTypes = ["ReportBatchItemFailures"];

        Assert.True(EventSourceMappingValidator.Validate(options).ReportBatchItemFailures);
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("https://sqs.us-east-1.amazonaws.com/000000000000/dlq")]
    [InlineData("arn:aws:sqs:us-east-1:000000000000:dlq.fifo")]
    public void Validate_DestinationNotStandardQueueOrTopic_ThrowsInvalidParameterValue(string destination)
    {
        // spec B.1 DestinationConfig.OnFailure: standard SQS queue or SNS topic ARN; B.6 no FIFO
        var options = Required();
        options.DestinationConfig = new DestinationConfig { OnFailure = new OnFailure { Destination = destination } };

        var ex = Assert.Throws<InvalidParameterValueException>(() => EventSourceMappingValidator.Validate(options));

        Assert.Contains("DestinationConfig.OnFailure.Destination", ex.Message);
    }

    [Fact]
    public void Validate_SixFilters_ThrowsInvalidParameterValue()
    {
        // spec B.8 #16: six filters rejected; B.7 at most 5
        var options = Required();
        options.FilterCriteria = new FilterCriteria
        {
            Filters = Enumerable.Range(0, 6).Select(i => new Filter { Pattern = $"{{\"eventName\":[\"E{i}\"]}}" }).ToList(),
        };

        var ex = Assert.Throws<InvalidParameterValueException>(() => EventSourceMappingValidator.Validate(options));

        Assert.Contains("exceeds the limit of 5", ex.Message);
    }

    [Fact]
    public void Validate_FiveFilters_Accepted()
    {
        // spec B.7: up to 5 filters
        var options = Required();
        options.FilterCriteria = new FilterCriteria
        {
            Filters = Enumerable.Range(0, 5).Select(i => new Filter { Pattern = $"{{\"eventName\":[\"E{i}\"]}}" }).ToList(),
        };

        Assert.Equal(5, EventSourceMappingValidator.Validate(options).Filters.Patterns.Count);
    }

    [Theory]
    [InlineData("{\"eventName\":")]
    [InlineData("[\"INSERT\"]")]
    [InlineData("{\"eventName\":\"INSERT\"}")]
    [InlineData("{\"eventName\":[]}")]
    [InlineData("{\"eventName\":[{\"starts-with\":\"IN\"}]}")]
    [InlineData("{\"n\":[{\"numeric\":[\">\",\"ten\"]}]}")]
    [InlineData("{\"n\":[{\"numeric\":[\">\",1,\">\",2]}]}")]
    [InlineData("{\"n\":[{\"exists\":\"yes\"}]}")]
    [InlineData("{\"$or\":{\"a\":[1]}}")]
    public void Validate_InvalidFilterPattern_ThrowsInvalidParameterValue(string pattern)
    {
        // spec B.7: invalid pattern JSON is rejected at create/update
        var options = Required();
        options.FilterCriteria = new FilterCriteria { Filters = [new Filter { Pattern = pattern }] };

        var ex = Assert.Throws<InvalidParameterValueException>(() => EventSourceMappingValidator.Validate(options));

        Assert.StartsWith("Invalid filter pattern definition.", ex.Message);
    }
}
