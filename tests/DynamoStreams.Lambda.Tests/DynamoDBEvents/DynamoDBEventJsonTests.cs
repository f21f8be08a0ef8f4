using System.Text;
using System.Text.Json;
using DynamoStreams.Lambda.DynamoDBEvents;

namespace DynamoStreams.Lambda.Tests.DynamoDBEvents;

public class DynamoDBEventJsonTests
{
    private static readonly DynamoDBEventJsonContext s_json = DynamoDBEventJsonContext.Wire;

    // spec B.3: the event is {"Records":[...]}, each element the A.4 record plus eventSourceARN
    [Fact]
    public void Deserialize_LambdaGuideSample_BindsEveryField()
    {
        var evt = JsonSerializer.Deserialize(AwsSampleEvents.StreamRecordEvent, s_json.DynamoDBEvent)!;

        Assert.Equal(2, evt.Records.Count);
        var insert = evt.Records[0];
        Assert.Equal("1", insert.EventID);
        Assert.Equal("INSERT", insert.EventName);
        Assert.Equal("1.0", insert.EventVersion);
        Assert.Equal("aws:dynamodb", insert.EventSource);
        Assert.Equal("us-west-2", insert.AwsRegion);
        Assert.Equal("arn:aws:dynamodb:us-west-2:111122223333:table/TestTable/stream/2015-05-11T21:21:33.291", insert.EventSourceArn);
        Assert.Null(insert.UserIdentity);
        Assert.Null(insert.Dynamodb!.ApproximateCreationDateTime);
        Assert.Equal("101", insert.Dynamodb.Keys!["Id"].N);
        Assert.Equal("New item!", insert.Dynamodb.NewImage!["Message"].S);
        Assert.Null(insert.Dynamodb.OldImage);
        Assert.Equal("111", insert.Dynamodb.SequenceNumber);
        Assert.Equal(26, insert.Dynamodb.SizeBytes);
        Assert.Equal("NEW_AND_OLD_IMAGES", insert.Dynamodb.StreamViewType);

        var modify = evt.Records[1];
        Assert.Equal("MODIFY", modify.EventName);
        Assert.Equal("New item!", modify.Dynamodb!.OldImage!["Message"].S);
        Assert.Equal("This item has changed", modify.Dynamodb.NewImage!["Message"].S);
        Assert.Equal("222", modify.Dynamodb.SequenceNumber);
        Assert.Equal(59, modify.Dynamodb.SizeBytes);
    }

    // spec B.3: JSON identical to AWS's: the sample survives a read and a write field by field
    [Theory]
    [InlineData(nameof(AwsSampleEvents.StreamRecordEvent))]
    [InlineData(nameof(AwsSampleEvents.TimeToLiveRemoveEvent))]
    public void Serialize_AwsSampleEvent_MatchesSampleFieldByField(string sample)
    {
        var json = Sample(sample);

        var written = JsonSerializer.Serialize(JsonSerializer.Deserialize(json, s_json.DynamoDBEvent)!, s_json.DynamoDBEvent);

        JsonAssert.Equivalent(json, written);
    }

    // spec B.3: tumbling windows add window{start,end}, state, shardId, eventSourceARN and the two flags
    [Fact]
    public void Deserialize_TimeWindowSample_BindsWindowStateAndFlags()
    {
        var evt = JsonSerializer.Deserialize(AwsSampleEvents.TimeWindowEvent, s_json.DynamoDBTimeWindowEvent)!;

        Assert.Equal(3, evt.Records.Count);
        Assert.Equal("REMOVE", evt.Records[2].EventName);
        Assert.Equal(new DateTime(2020, 7, 30, 17, 0, 0, DateTimeKind.Utc), evt.Window!.Start);
        Assert.Equal(new DateTime(2020, 7, 30, 17, 5, 0, DateTimeKind.Utc), evt.Window.End);
        Assert.Equal(DateTimeKind.Utc, evt.Window.Start.Kind);
        Assert.Equal("state1", evt.State!["1"]);
        Assert.Equal("shard123456789", evt.ShardId);
        Assert.Equal("stream-ARN", evt.EventSourceArn);
        Assert.False(evt.IsFinalInvokeForWindow);
        Assert.False(evt.IsWindowTerminatedEarly);
    }

    // spec B.3: the window event is written exactly as AWS documents it
    [Fact]
    public void Serialize_TimeWindowSample_MatchesSampleFieldByField()
    {
        var evt = JsonSerializer.Deserialize(AwsSampleEvents.TimeWindowEvent, s_json.DynamoDBTimeWindowEvent)!;

        JsonAssert.Equivalent(AwsSampleEvents.TimeWindowEvent, JsonSerializer.Serialize(evt, s_json.DynamoDBTimeWindowEvent));
    }

    // spec B.3: ".NET turns integer state values into strings"
    [Fact]
    public void Deserialize_TimeWindowResponseWithIntegerState_ReadsValuesAsStrings()
    {
        var response = JsonSerializer.Deserialize(AwsSampleEvents.TimeWindowEventResponse, s_json.DynamoDBTimeWindowResponse)!;

        Assert.Equal("282", response.State!["1"]);
        Assert.Equal("715", response.State["2"]);
        Assert.Empty(response.BatchItemFailures!);
        Assert.Equal("""{"state":{"1":"282","2":"715"},"batchItemFailures":[]}""", JsonSerializer.Serialize(response, s_json.DynamoDBTimeWindowResponse));
    }

    // spec B.3: a state value that is neither string nor number is a clear error
    [Fact]
    public void Deserialize_TimeWindowStateWithObjectValue_ThrowsNamingTheKey()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"state":{"count":{"n":1}}}""", s_json.DynamoDBTimeWindowResponse));

        Assert.Contains("'count'", ex.Message, StringComparison.Ordinal);
    }

    // spec B.4: {"batchItemFailures":[{"itemIdentifier":"<SequenceNumber>"}]}
    [Fact]
    public void Serialize_StreamsEventResponse_WritesAwsSyntax()
    {
        var response = new StreamsEventResponse { BatchItemFailures = [new() { ItemIdentifier = "<id>" }] };

        var written = JsonSerializer.Serialize(response, s_json.StreamsEventResponse);

        JsonAssert.Equivalent(AwsSampleEvents.BatchItemFailuresResponse, written);
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"<id>"}]}""", written);
    }

    // spec B.4: a success response is an empty batchItemFailures list
    [Fact]
    public void Serialize_EmptyStreamsEventResponse_WritesEmptyList()
    {
        Assert.Equal("""{"batchItemFailures":[]}""", JsonSerializer.Serialize(new StreamsEventResponse(), s_json.StreamsEventResponse));
    }

    // spec B.4: a window response without state is a failure, so a missing state must stay missing
    [Fact]
    public void Serialize_TimeWindowResponseWithoutState_OmitsState()
    {
        Assert.Equal("""{"batchItemFailures":[]}""", JsonSerializer.Serialize(new DynamoDBTimeWindowResponse(), s_json.DynamoDBTimeWindowResponse));
    }

    // spec B.3: names bind case-insensitively (userIdentity as Type/PrincipalId, the Streams API casing); written as Lambda does
    [Fact]
    public void Deserialize_OtherCasing_BindsAndWritesLambdaCasing()
    {
        const string json = """{"records":[{"EVENTNAME":"REMOVE","userIdentity":{"Type":"Service","PrincipalId":"dynamodb.amazonaws.com"},"Dynamodb":{"sequenceNumber":"9","keys":{"pk":{"s":"a"}}}}]}""";

        var evt = JsonSerializer.Deserialize(json, s_json.DynamoDBEvent)!;
        var record = Assert.Single(evt.Records);

        Assert.Equal("REMOVE", record.EventName);
        Assert.Equal("Service", record.UserIdentity!.Type);
        Assert.Equal("dynamodb.amazonaws.com", record.UserIdentity.PrincipalId);
        Assert.Equal("a", record.Dynamodb!.Keys!["pk"].S);
        Assert.Equal(
            """{"Records":[{"eventName":"REMOVE","dynamodb":{"Keys":{"pk":{"S":"a"}},"SequenceNumber":"9","SizeBytes":0},"userIdentity":{"type":"Service","principalId":"dynamodb.amazonaws.com"}}]}""",
            JsonSerializer.Serialize(evt, s_json.DynamoDBEvent));
    }

    // spec A.4/B.3: ApproximateCreationDateTime is epoch seconds; > 157753180800 read as ms; ISO strings accepted
    [Theory]
    [InlineData("1568013979", 1568013979000L)]
    [InlineData("1568013979.0", 1568013979000L)]
    [InlineData("1568013979.25", 1568013979250L)]
    [InlineData("1568013979123", 1568013979123L)]
    [InlineData("\"2019-09-09T07:26:19Z\"", 1568013979000L)]
    [InlineData("\"2019-09-09T07:26:19.500Z\"", 1568013979500L)]
    [InlineData("\"1568013979\"", 1568013979000L)]
    public void Deserialize_ApproximateCreationDateTime_ReadsEveryForm(string value, long expectedUnixMs)
    {
        var record = JsonSerializer.Deserialize($$$"""{"Records":[{"dynamodb":{"ApproximateCreationDateTime":{{{value}}}}}]}""", s_json.DynamoDBEvent)!.Records[0];

        var actual = record.Dynamodb!.ApproximateCreationDateTime!.Value;
        Assert.Equal(DateTimeKind.Utc, actual.Kind);
        Assert.Equal(expectedUnixMs, new DateTimeOffset(actual).ToUnixTimeMilliseconds());
    }

    // spec A.4: written as a JSON number of epoch seconds
    [Theory]
    [InlineData(1568013979000L, "1568013979")]
    [InlineData(1568013979250L, "1568013979.25")]
    public void Serialize_ApproximateCreationDateTime_WritesEpochSecondsNumber(long unixMs, string expected)
    {
        var evt = new DynamoDBEvent
        {
            Records = [new() { Dynamodb = new() { ApproximateCreationDateTime = DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime, SizeBytes = 1 } }],
        };

        Assert.Equal($$$"""{"Records":[{"dynamodb":{"ApproximateCreationDateTime":{{{expected}}},"SizeBytes":1}}]}""", JsonSerializer.Serialize(evt, s_json.DynamoDBEvent));
    }

    // spec B.3: a malformed date is a clear error
    [Fact]
    public void Deserialize_ApproximateCreationDateTimeNotADate_ThrowsClearError()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"Records":[{"dynamodb":{"ApproximateCreationDateTime":"yesterday"}}]}""", s_json.DynamoDBEvent));

        Assert.Contains("'yesterday' is neither epoch seconds nor an ISO-8601", ex.Message, StringComparison.Ordinal);
    }

    // spec A.4: every attribute-value type, B/BS as base64
    [Fact]
    public void RoundTrip_EveryAttributeValueType_KeepsDynamoDBJson()
    {
        const string image = """
            {"s":{"S":"text é <b>"},"n":{"N":"-12.5E3"},"b":{"B":"AAEC/w=="},"ss":{"SS":["a","b"]},"ns":{"NS":["1","2.5"]},
             "bs":{"BS":["AQ==","AgM="]},"m":{"M":{"inner":{"BOOL":true}}},"l":{"L":[{"NULL":true},{"S":"x"},{"L":[]}]},
             "null":{"NULL":true},"bool":{"BOOL":false}}
            """;

        var map = JsonSerializer.Deserialize(image, s_json.AttributeValueMap)!;

        Assert.Equal(new byte[] { 0, 1, 2, 255 }, map["b"].B);
        Assert.Equal([[1], [2, 3]], map["bs"].BS!);
        Assert.Equal(true, map["m"].M!["inner"].BOOL);
        Assert.Equal(false, map["bool"].BOOL);
        Assert.Equal(true, map["null"].NULL);
        Assert.Equal("-12.5E3", map["n"].N);
        var written = JsonSerializer.Serialize(map, s_json.AttributeValueMap);
        JsonAssert.Equivalent(image, written);
        Assert.Contains("text é <b>", Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(map, s_json.AttributeValueMap)), StringComparison.Ordinal);
    }

    private static string Sample(string name) => name switch
    {
        nameof(AwsSampleEvents.StreamRecordEvent) => AwsSampleEvents.StreamRecordEvent,
        nameof(AwsSampleEvents.TimeToLiveRemoveEvent) => AwsSampleEvents.TimeToLiveRemoveEvent,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such sample."),
    };
}
