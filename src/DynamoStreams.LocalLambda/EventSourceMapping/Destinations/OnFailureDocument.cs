using System.Globalization;
using System.Text.Json;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Destinations;

/// <summary>
/// Represents the OnFailure document Lambda sends for a discarded range of records (spec B.6): no record contents,
/// the shard and sequence range to re-read within the stream's retention.
/// </summary>
public sealed record OnFailureDocument
{
    /// <summary>The condition of a batch discarded after its retries: <c>RetryAttemptsExhausted</c>.</summary>
    public const string RetryAttemptsExhausted = "RetryAttemptsExhausted";

    /// <summary>The condition of records discarded for their age: <c>RecordAgeExceeded</c>.</summary>
    public const string RecordAgeExceeded = "RecordAgeExceeded";

    /// <summary>Gets the request id (the last invocation's, or a new one when none ran).</summary>
    public required string RequestId { get; init; }

    /// <summary>Gets the function's ARN.</summary>
    public required string FunctionArn { get; init; }

    /// <summary>Gets why the records were discarded.</summary>
    public required string Condition { get; init; }

    /// <summary>Gets how many times the range was invoked.</summary>
    public int ApproximateInvokeCount { get; init; }

    /// <summary>Gets whether a <c>responseContext</c> is written (false when the range was never invoked).</summary>
    public bool HasResponse { get; init; }

    /// <summary>Gets <c>functionError</c> (<c>Unhandled</c>), or null after a partial-failure response.</summary>
    public string? FunctionError { get; init; }

    /// <summary>Gets when the document was written.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets the shard of the range.</summary>
    public required string ShardId { get; init; }

    /// <summary>Gets the first sequence number of the range.</summary>
    public required string StartSequenceNumber { get; init; }

    /// <summary>Gets the last sequence number of the range.</summary>
    public required string EndSequenceNumber { get; init; }

    /// <summary>Gets the creation time of the first record.</summary>
    public required DateTimeOffset ApproximateArrivalOfFirstRecord { get; init; }

    /// <summary>Gets the creation time of the last record.</summary>
    public required DateTimeOffset ApproximateArrivalOfLastRecord { get; init; }

    /// <summary>Gets the number of records in the range.</summary>
    public required int BatchSize { get; init; }

    /// <summary>Gets the stream's ARN.</summary>
    public required string StreamArn { get; init; }

    /// <summary>Writes the document as Lambda does.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("requestContext");
            writer.WriteString("requestId", RequestId);
            writer.WriteString("functionArn", FunctionArn);
            writer.WriteString("condition", Condition);
            writer.WriteNumber("approximateInvokeCount", ApproximateInvokeCount);
            writer.WriteEndObject();
            if (HasResponse)
            {
                writer.WriteStartObject("responseContext");
                writer.WriteNumber("statusCode", 200);
                writer.WriteString("executedVersion", "$LATEST");
                if (FunctionError is not null)
                {
                    writer.WriteString("functionError", FunctionError);
                }

                writer.WriteEndObject();
            }

            writer.WriteString("version", "1.0");
            writer.WriteString("timestamp", Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteStartObject("DDBStreamBatchInfo");
            writer.WriteString("shardId", ShardId);
            writer.WriteString("startSequenceNumber", StartSequenceNumber);
            writer.WriteString("endSequenceNumber", EndSequenceNumber);
            writer.WriteString("approximateArrivalOfFirstRecord", Seconds(ApproximateArrivalOfFirstRecord));
            writer.WriteString("approximateArrivalOfLastRecord", Seconds(ApproximateArrivalOfLastRecord));
            writer.WriteNumber("batchSize", BatchSize);
            writer.WriteString("streamArn", StreamArn);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a document (for example a dead-letter queue message body).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The document.</returns>
    /// <exception cref="FormatException">The text is not an OnFailure document of a DynamoDB stream mapping.</exception>
    public static OnFailureDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var request = root.GetProperty("requestContext");
            var info = root.GetProperty("DDBStreamBatchInfo");
            var hasResponse = root.TryGetProperty("responseContext", out var response);
            return new OnFailureDocument
            {
                RequestId = request.GetProperty("requestId").GetString()!,
                FunctionArn = request.GetProperty("functionArn").GetString()!,
                Condition = request.GetProperty("condition").GetString()!,
                ApproximateInvokeCount = request.GetProperty("approximateInvokeCount").GetInt32(),
                HasResponse = hasResponse,
                FunctionError = hasResponse && response.TryGetProperty("functionError", out var error) ? error.GetString() : null,
                Timestamp = DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture),
                ShardId = info.GetProperty("shardId").GetString()!,
                StartSequenceNumber = info.GetProperty("startSequenceNumber").GetString()!,
                EndSequenceNumber = info.GetProperty("endSequenceNumber").GetString()!,
                ApproximateArrivalOfFirstRecord = DateTimeOffset.Parse(info.GetProperty("approximateArrivalOfFirstRecord").GetString()!, CultureInfo.InvariantCulture),
                ApproximateArrivalOfLastRecord = DateTimeOffset.Parse(info.GetProperty("approximateArrivalOfLastRecord").GetString()!, CultureInfo.InvariantCulture),
                BatchSize = info.GetProperty("batchSize").GetInt32(),
                StreamArn = info.GetProperty("streamArn").GetString()!,
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException(
                "The message is not a Lambda OnFailure document for a DynamoDB stream: it needs requestContext and DDBStreamBatchInfo with shardId, startSequenceNumber, endSequenceNumber and streamArn.",
                ex);
        }
    }

    private static string Seconds(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
