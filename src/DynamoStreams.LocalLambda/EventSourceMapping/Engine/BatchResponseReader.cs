using System.Text.Json;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Engine;

/// <summary>Interprets a function's response: <c>batchItemFailures</c> (ReportBatchItemFailures) and window <c>state</c> (spec B.3, B.4).</summary>
internal static class BatchResponseReader
{
    /// <summary>The largest window state kept; a bigger one ends the window early (spec B.3).</summary>
    public const int MaxStateBytes = 1024 * 1024;

    public static BatchVerdict Read(ReadOnlyMemory<byte> response, IReadOnlyList<PendingRecord> batch, bool reportBatchItemFailures, bool windowed)
    {
        JsonDocument? document = null;
        try
        {
            if (!IsBlank(response.Span))
            {
                try
                {
                    document = JsonDocument.Parse(response);
                }
                catch (JsonException) when (!windowed)
                {
                    // Without ReportBatchItemFailures any body is a success; with it, a body that is not an
                    // EventResponse carries no failures either (spec B.4).
                    return new BatchVerdict(BatchVerdictKind.Success);
                }
                catch (JsonException)
                {
                    return new BatchVerdict(BatchVerdictKind.Failure, Reason: "The window response is not JSON; it must carry \"state\".");
                }
            }

            var root = document?.RootElement;
            string? state = null;
            if (windowed)
            {
                if (root is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty("state", out var stateElement)
                    || stateElement.ValueKind != JsonValueKind.Object)
                {
                    return new BatchVerdict(BatchVerdictKind.Failure, Reason: "The window response has no \"state\" object.");
                }

                state = stateElement.GetRawText();
            }

            if (!reportBatchItemFailures || root is not { ValueKind: JsonValueKind.Object } body
                || !body.TryGetProperty("batchItemFailures", out var failures) || failures.ValueKind == JsonValueKind.Null)
            {
                return new BatchVerdict(BatchVerdictKind.Success, StateJson: state);
            }

            return ReadFailures(failures, batch, state);
        }
        finally
        {
            document?.Dispose();
        }
    }

    private static BatchVerdict ReadFailures(JsonElement failures, IReadOnlyList<PendingRecord> batch, string? state)
    {
        if (failures.ValueKind != JsonValueKind.Array)
        {
            return new BatchVerdict(BatchVerdictKind.Failure, Reason: "batchItemFailures is not an array.");
        }

        var lowest = int.MaxValue;
        foreach (var failure in failures.EnumerateArray())
        {
            if (failure.ValueKind != JsonValueKind.Object || !failure.TryGetProperty("itemIdentifier", out var id)
                || id.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(id.GetString()))
            {
                return new BatchVerdict(BatchVerdictKind.Failure, Reason: "A batchItemFailures entry has no itemIdentifier.");
            }

            var sequenceNumber = id.GetString()!;
            var index = IndexOf(batch, sequenceNumber);
            if (index < 0)
            {
                return new BatchVerdict(BatchVerdictKind.Failure, Reason: $"itemIdentifier {sequenceNumber} is not a sequence number of the batch.");
            }

            lowest = Math.Min(lowest, index);
        }

        return lowest == int.MaxValue
            ? new BatchVerdict(BatchVerdictKind.Success, StateJson: state)
            : new BatchVerdict(BatchVerdictKind.PartialFailure, lowest, StateJson: state);
    }

    private static int IndexOf(IReadOnlyList<PendingRecord> batch, string sequenceNumber)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].SequenceNumber == sequenceNumber)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        var trimmed = body.Trim(" \r\n\t"u8);
        return trimmed.IsEmpty || trimmed.SequenceEqual("null"u8);
    }
}
