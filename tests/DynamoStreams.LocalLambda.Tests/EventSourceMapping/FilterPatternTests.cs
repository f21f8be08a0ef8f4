using System.Text.Json;
using DynamoStreams.LocalLambda.EventSourceMapping.Filtering;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping;

public sealed class FilterPatternTests
{
    private const string Arn = "arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/2026-11-25T01:00:00.000";

    private const string Insert = $$$"""
        {"eventID":"1","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"us-east-1",
         "dynamodb":{"ApproximateCreationDateTime":1764032400,"Keys":{"id":{"S":"order-1"}},
           "NewImage":{"id":{"S":"order-1"},"status":{"S":"active"},"amount":{"N":"150"},"paid":{"BOOL":true},
                       "email":{"S":"Alice@Example.com"},"file":{"S":"photo.png"},"tags":{"SS":["red","blue"]},"note":{"NULL":true},"empty":{"S":""}},
           "SequenceNumber":"000000000000000000001","SizeBytes":120,"StreamViewType":"NEW_AND_OLD_IMAGES"},
         "eventSourceARN":"{{{Arn}}}"}
        """;

    private const string Modify = $$$"""
        {"eventID":"2","eventName":"MODIFY","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"us-east-1",
         "dynamodb":{"ApproximateCreationDateTime":1764032401,"Keys":{"id":{"S":"order-1"}},
           "NewImage":{"id":{"S":"order-1"},"status":{"S":"inactive"},"amount":{"N":"9.5"}},
           "OldImage":{"id":{"S":"order-1"},"status":{"S":"active"},"amount":{"N":"150"}},
           "SequenceNumber":"000000000000000000002","SizeBytes":140,"StreamViewType":"NEW_AND_OLD_IMAGES"},
         "eventSourceARN":"{{{Arn}}}"}
        """;

    private const string Remove = $$$"""
        {"eventID":"3","eventName":"REMOVE","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"us-east-1",
         "dynamodb":{"ApproximateCreationDateTime":1764032402,"Keys":{"id":{"S":"order-1"}},
           "OldImage":{"id":{"S":"order-1"},"status":{"S":"inactive"}},
           "SequenceNumber":"000000000000000000003","SizeBytes":80,"StreamViewType":"NEW_AND_OLD_IMAGES"},
         "eventSourceARN":"{{{Arn}}}"}
        """;

    private const string TtlRemove = $$$"""
        {"eventID":"4","eventName":"REMOVE","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"us-east-1",
         "userIdentity":{"type":"Service","principalId":"dynamodb.amazonaws.com"},
         "dynamodb":{"ApproximateCreationDateTime":1764032403,"Keys":{"id":{"S":"order-2"}},
           "OldImage":{"id":{"S":"order-2"}},
           "SequenceNumber":"000000000000000000004","SizeBytes":60,"StreamViewType":"NEW_AND_OLD_IMAGES"},
         "eventSourceARN":"{{{Arn}}}"}
        """;

    public static TheoryData<string, string, bool> Cases => new()
    {
        // spec B.8 #15: metadata field
        { """{"eventName":["INSERT"]}""", Insert, true },
        { """{"eventName":["INSERT"]}""", Modify, false },
        { """{"eventName":["INSERT"]}""", Remove, false },
        { """{"eventName":["INSERT","MODIFY"]}""", Modify, true },
        { $$"""{"eventSourceARN":["{{Arn}}"]}""", Remove, true },

        // spec B.8 #16: typed image values
        { """{"dynamodb":{"NewImage":{"status":{"S":["active"]}}}}""", Insert, true },
        { """{"dynamodb":{"NewImage":{"status":{"S":["active"]}}}}""", Modify, false },
        { """{"dynamodb":{"NewImage":{"status":{"S":["active"]}}}}""", Remove, false },
        { """{"dynamodb":{"NewImage":{"status":{"S":["Active"]}}}}""", Insert, false },

        // prefix / suffix (incl. ignore-case forms)
        { """{"dynamodb":{"Keys":{"id":{"S":[{"prefix":"order-"}]}}}}""", Insert, true },
        { """{"dynamodb":{"Keys":{"id":{"S":[{"prefix":"invoice-"}]}}}}""", Insert, false },
        { """{"dynamodb":{"NewImage":{"file":{"S":[{"suffix":".png"}]}}}}""", Insert, true },
        { """{"dynamodb":{"NewImage":{"file":{"S":[{"suffix":".jpg"}]}}}}""", Insert, false },
        { """{"dynamodb":{"NewImage":{"file":{"S":[{"suffix":{"equals-ignore-case":".PNG"}}]}}}}""", Insert, true },
        { """{"dynamodb":{"NewImage":{"email":{"S":[{"prefix":{"equals-ignore-case":"alice@"}}]}}}}""", Insert, true },

        // anything-but
        { """{"eventName":[{"anything-but":["REMOVE"]}]}""", Insert, true },
        { """{"eventName":[{"anything-but":["REMOVE"]}]}""", Remove, false },
        { """{"eventName":[{"anything-but":"INSERT"}]}""", Modify, true },
        { """{"eventName":[{"anything-but":{"prefix":"MOD"}}]}""", Modify, false },
        { """{"eventName":[{"anything-but":{"prefix":"MOD"}}]}""", Insert, true },
        { """{"missing":[{"anything-but":["x"]}]}""", Insert, false },

        // exists
        { """{"userIdentity":{"type":[{"exists":false}]}}""", Remove, true },
        { """{"userIdentity":{"type":[{"exists":false}]}}""", TtlRemove, false },
        { """{"userIdentity":{"type":["Service"],"principalId":["dynamodb.amazonaws.com"]}}""", TtlRemove, true },
        { """{"dynamodb":{"OldImage":{"status":{"S":[{"exists":true}]}}}}""", Modify, true },
        { """{"dynamodb":{"OldImage":{"status":{"S":[{"exists":true}]}}}}""", Insert, false },
        { """{"dynamodb":{"OldImage":{"status":[{"exists":true}]}}}""", Modify, false },
        { """{"dynamodb":{"OldImage":[{"exists":true}]}}""", Modify, false },

        // equals-ignore-case
        { """{"dynamodb":{"NewImage":{"email":{"S":[{"equals-ignore-case":"alice@example.COM"}]}}}}""", Insert, true },
        { """{"dynamodb":{"NewImage":{"email":{"S":[{"equals-ignore-case":"bob@example.com"}]}}}}""", Insert, false },

        // $or
        { """{"$or":[{"eventName":["REMOVE"]},{"dynamodb":{"NewImage":{"status":{"S":["active"]}}}}]}""", Insert, true },
        { """{"$or":[{"eventName":["REMOVE"]},{"dynamodb":{"NewImage":{"status":{"S":["active"]}}}}]}""", Modify, false },
        { """{"$or":[{"eventName":["REMOVE"]},{"dynamodb":{"NewImage":{"status":{"S":["active"]}}}}]}""", Remove, true },
        { """{"eventSource":["aws:dynamodb"],"$or":[{"eventName":["MODIFY"]},{"eventName":["REMOVE"]}]}""", Insert, false },

        // numeric over N strings [emu] and textual N match
        { """{"dynamodb":{"NewImage":{"amount":{"N":[{"numeric":[">",100]}]}}}}""", Insert, true },
        { """{"dynamodb":{"NewImage":{"amount":{"N":[{"numeric":[">",100]}]}}}}""", Modify, false },
        { """{"dynamodb":{"NewImage":{"amount":{"N":[{"numeric":[">=",9.5,"<",10]}]}}}}""", Modify, true },
        { """{"dynamodb":{"NewImage":{"amount":{"N":[{"numeric":["=",150]}]}}}}""", Insert, true },
        { """{"dynamodb":{"NewImage":{"amount":{"N":["150"]}}}}""", Insert, true },
        { """{"dynamodb":{"NewImage":{"amount":{"N":[150]}}}}""", Insert, false },
        { """{"dynamodb":{"SizeBytes":[{"numeric":["<",100]}]}}""", Remove, true },
        { """{"dynamodb":{"SizeBytes":[80]}}""", Remove, true },

        // BOOL, null, empty string, arrays in the record
        { """{"dynamodb":{"NewImage":{"paid":{"BOOL":[true]}}}}""", Insert, true },
        { """{"dynamodb":{"NewImage":{"paid":{"BOOL":[false]}}}}""", Insert, false },
        { """{"dynamodb":{"NewImage":{"note":{"NULL":[true]}}}}""", Insert, true },
        { """{"dynamodb":{"NewImage":{"empty":{"S":[""]}}}}""", Insert, true },
        { """{"dynamodb":{"NewImage":{"status":{"S":[""]}}}}""", Insert, false },
        { """{"dynamodb":{"NewImage":{"tags":{"SS":["blue"]}}}}""", Insert, true },
        { """{"dynamodb":{"NewImage":{"tags":{"SS":["green"]}}}}""", Insert, false },

        // named fields must exist; fields AND; duplicate keys: last wins
        { """{"nothere":["x"]}""", Insert, false },
        { """{"eventName":["INSERT"],"awsRegion":["eu-west-1"]}""", Insert, false },
        { """{"eventName":["REMOVE"],"eventName":["INSERT"]}""", Insert, true },
        { """{"eventName":{"S":["INSERT"]}}""", Insert, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_PatternAgainstDeliveredRecord_FollowsEventBridgeRules(string pattern, string record, bool expected)
    {
        // spec B.7 rules and operators; B.8 #15, #16
        using var document = JsonDocument.Parse(record);

        Assert.Equal(expected, FilterPattern.Parse(pattern).Matches(document.RootElement));
    }

    [Fact]
    public void Matches_FilterSet_OrsItsPatterns()
    {
        // spec B.7: up to 5 filters OR-ed; a record matching none is dropped
        var set = new FilterSet([FilterPattern.Parse("""{"eventName":["INSERT"]}"""), FilterPattern.Parse("""{"eventName":["REMOVE"]}""")]);
        using var insert = JsonDocument.Parse(Insert);
        using var modify = JsonDocument.Parse(Modify);
        using var remove = JsonDocument.Parse(Remove);

        Assert.True(set.Matches(insert.RootElement));
        Assert.False(set.Matches(modify.RootElement));
        Assert.True(set.Matches(remove.RootElement));
        Assert.True(FilterSet.Empty.Matches(modify.RootElement));
    }
}
