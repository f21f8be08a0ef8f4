namespace DynamoStreams.Lambda.Tests.DynamoDBEvents;

/// <summary>
/// AWS's documented sample payloads, copied as data.
/// </summary>
internal static class AwsSampleEvents
{
    /// <summary>
    /// "Example DynamoDB Streams record event", AWS Lambda Developer Guide, "Using AWS Lambda with Amazon DynamoDB"
    /// (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html; awsdocs/aws-lambda-developer-guide doc_source/with-ddb.md).
    /// </summary>
    public const string StreamRecordEvent = """
        {
          "Records": [
            {
              "eventID": "1",
              "eventVersion": "1.0",
              "dynamodb": {
                "Keys": {
                  "Id": {
                    "N": "101"
                  }
                },
                "NewImage": {
                  "Message": {
                    "S": "New item!"
                  },
                  "Id": {
                    "N": "101"
                  }
                },
                "StreamViewType": "NEW_AND_OLD_IMAGES",
                "SequenceNumber": "111",
                "SizeBytes": 26
              },
              "awsRegion": "us-west-2",
              "eventName": "INSERT",
              "eventSourceARN": "arn:aws:dynamodb:us-west-2:111122223333:table/TestTable/stream/2015-05-11T21:21:33.291",
              "eventSource": "aws:dynamodb"
            },
            {
              "eventID": "2",
              "eventVersion": "1.0",
              "dynamodb": {
                "OldImage": {
                  "Message": {
                    "S": "New item!"
                  },
                  "Id": {
                    "N": "101"
                  }
                },
                "SequenceNumber": "222",
                "Keys": {
                  "Id": {
                    "N": "101"
                  }
                },
                "SizeBytes": 59,
                "NewImage": {
                  "Message": {
                    "S": "This item has changed"
                  },
                  "Id": {
                    "N": "101"
                  }
                },
                "StreamViewType": "NEW_AND_OLD_IMAGES"
              },
              "awsRegion": "us-west-2",
              "eventName": "MODIFY",
              "eventSourceARN": "arn:aws:dynamodb:us-west-2:111122223333:table/TestTable/stream/2015-05-11T21:21:33.291",
              "eventSource": "aws:dynamodb"
            }
          ]}
        """;

    /// <summary>
    /// "Example DynamodbTimeWindowEvent", same page, section "Time windows" (#services-ddb-windows).
    /// </summary>
    public const string TimeWindowEvent = """
        {
           "Records":[
              {
                 "eventID":"1",
                 "eventName":"INSERT",
                 "eventVersion":"1.0",
                 "eventSource":"aws:dynamodb",
                 "awsRegion":"us-east-1",
                 "dynamodb":{
                    "Keys":{
                       "Id":{
                          "N":"101"
                       }
                    },
                    "NewImage":{
                       "Message":{
                          "S":"New item!"
                       },
                       "Id":{
                          "N":"101"
                       }
                    },
                    "SequenceNumber":"111",
                    "SizeBytes":26,
                    "StreamViewType":"NEW_AND_OLD_IMAGES"
                 },
                 "eventSourceARN":"stream-ARN"
              },
              {
                 "eventID":"2",
                 "eventName":"MODIFY",
                 "eventVersion":"1.0",
                 "eventSource":"aws:dynamodb",
                 "awsRegion":"us-east-1",
                 "dynamodb":{
                    "Keys":{
                       "Id":{
                          "N":"101"
                       }
                    },
                    "NewImage":{
                       "Message":{
                          "S":"This item has changed"
                       },
                       "Id":{
                          "N":"101"
                       }
                    },
                    "OldImage":{
                       "Message":{
                          "S":"New item!"
                       },
                       "Id":{
                          "N":"101"
                       }
                    },
                    "SequenceNumber":"222",
                    "SizeBytes":59,
                    "StreamViewType":"NEW_AND_OLD_IMAGES"
                 },
                 "eventSourceARN":"stream-ARN"
              },
              {
                 "eventID":"3",
                 "eventName":"REMOVE",
                 "eventVersion":"1.0",
                 "eventSource":"aws:dynamodb",
                 "awsRegion":"us-east-1",
                 "dynamodb":{
                    "Keys":{
                       "Id":{
                          "N":"101"
                       }
                    },
                    "OldImage":{
                       "Message":{
                          "S":"This item has changed"
                       },
                       "Id":{
                          "N":"101"
                       }
                    },
                    "SequenceNumber":"333",
                    "SizeBytes":38,
                    "StreamViewType":"NEW_AND_OLD_IMAGES"
                 },
                 "eventSourceARN":"stream-ARN"
              }
           ],
            "window": {
                "start": "2020-07-30T17:00:00Z",
                "end": "2020-07-30T17:05:00Z"
            },
            "state": {
                "1": "state1"
            },
            "shardId": "shard123456789",
            "eventSourceARN": "stream-ARN",
            "isFinalInvokeForWindow": false,
            "isWindowTerminatedEarly": false
        }
        """;

    /// <summary>
    /// "Example TimeWindowEventResponse values", same page, section "Aggregation and processing": integer state values.
    /// </summary>
    public const string TimeWindowEventResponse = """
        {
            "state": {
                "1": 282,
                "2": 715
            },
            "batchItemFailures": []
        }
        """;

    /// <summary>
    /// The batch item failure response syntax, same page, section "Reporting batch item failures" (#streams-batchfailurereporting-syntax).
    /// </summary>
    public const string BatchItemFailuresResponse = """
        {
          "batchItemFailures": [
                {
                    "itemIdentifier": "<id>"
                }
            ]
        }
        """;

    /// <summary>
    /// A record as the DynamoDB Streams GetRecords API returned it from a real table (spec source O1:
    /// pastebin.com/Anu9nCzN): <c>ApproximateCreationDateTime</c> as a number with a fraction; plus the
    /// <c>userIdentity</c> DynamoDB sets for a Time to Live deletion (DynamoDB API Reference, Record.userIdentity).
    /// </summary>
    public const string TimeToLiveRemoveEvent = """
        {
          "Records": [
            {
              "eventID": "157553a05c3cbf96b130387fa2cea815",
              "eventName": "REMOVE",
              "eventVersion": "1.1",
              "eventSource": "aws:dynamodb",
              "awsRegion": "ap-southeast-1",
              "dynamodb": {
                "ApproximateCreationDateTime": 1568014718.0,
                "Keys": { "ID": { "S": "2" }, "Title": { "S": "aaa" } },
                "OldImage": { "ID": { "S": "2" }, "Title": { "S": "aaa" } },
                "SequenceNumber": "21258900000000008186295383",
                "SizeBytes": 22,
                "StreamViewType": "NEW_AND_OLD_IMAGES"
              },
              "userIdentity": { "type": "Service", "principalId": "dynamodb.amazonaws.com" },
              "eventSourceARN": "arn:aws:dynamodb:ap-southeast-1:302519546265:table/nxkhanhDynamoDB/stream/2019-09-09T07:25:52.507"
            }
          ]
        }
        """;
}
