using DynamoStreams.Lambda;
using DynamoStreams.Lambda.DynamoDBEvents;

// One batch of the table's stream per invocation. A record that cannot be handled is reported as a batch item
// failure: the mapping retries from it, and after its retries sends it to the dead-letter queue.
return await LambdaRuntime.RunAsync((DynamoDBEvent evt, ILambdaContext context) =>
{
    var response = new StreamsEventResponse();
    foreach (var record in evt.Records)
    {
        var stream = record.Dynamodb!;
        if (stream.Keys is null || !stream.Keys.TryGetValue("id", out var id) || id.S is null)
        {
            context.Logger.LogWarning($"Record {stream.SequenceNumber} has no string key 'id': reporting it as failed.");
            response.BatchItemFailures = [new StreamsEventResponse.BatchItemFailure { ItemIdentifier = stream.SequenceNumber }];
            break;
        }

        context.Logger.LogInformation($"{record.EventName} id={id.S} seq={stream.SequenceNumber}");
    }

    return Task.FromResult(response);
});
