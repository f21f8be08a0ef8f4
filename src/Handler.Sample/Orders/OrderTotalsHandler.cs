using DynamoStreams.Lambda;
using DynamoStreams.Lambda.DynamoDBEvents;

namespace Handler.Sample.Orders;

/// <summary>
/// Applies a batch of order changes to the customer totals, in stream order, and reports the first record that could
/// not be applied as a batch item failure.
/// </summary>
/// <remarks>
/// Processing stops at the first failure: Lambda checkpoints before the lowest failed sequence number and redelivers
/// everything after it, so applying later records now would count them twice. A malformed order therefore blocks its
/// shard until the event source mapping's retry limit or record age sends it to the on-failure destination.
/// </remarks>
/// <param name="totals">Where totals are kept.</param>
public sealed class OrderTotalsHandler(ICustomerTotals totals)
{
    /// <summary>
    /// Handles one batch of the orders table's stream.
    /// </summary>
    /// <param name="evt">The batch.</param>
    /// <param name="context">The invocation context.</param>
    /// <returns>The first failed record, or an empty response when every record was applied.</returns>
    public async Task<StreamsEventResponse> HandleAsync(DynamoDBEvent evt, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(context);
        var applied = 0;
        foreach (var record in evt.Records)
        {
            var sequenceNumber = record.Dynamodb?.SequenceNumber;
            if (!OrderRecordParser.TryParse(record, out var deltas, out var error))
            {
                context.Logger.LogWarning($"Record {sequenceNumber} ({record.EventName}) is malformed and stays failed: {error}");
                return Fail(sequenceNumber, applied, evt.Records.Count, context);
            }

            try
            {
                foreach (var delta in deltas)
                {
                    await totals.ApplyAsync(delta, context.CancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.Logger.LogError($"Record {sequenceNumber} could not be applied, it will be retried: {ex.GetType().Name}: {ex.Message}");
                return Fail(sequenceNumber, applied, evt.Records.Count, context);
            }

            applied++;
        }

        context.Logger.LogInformation($"Applied {applied} order changes.");
        return new StreamsEventResponse();
    }

    private static StreamsEventResponse Fail(string? sequenceNumber, int applied, int total, ILambdaContext context)
    {
        context.Logger.LogInformation($"Applied {applied} of {total} order changes; reporting {sequenceNumber} and the records after it for retry.");
        return new StreamsEventResponse { BatchItemFailures = [new() { ItemIdentifier = sequenceNumber }] };
    }
}
