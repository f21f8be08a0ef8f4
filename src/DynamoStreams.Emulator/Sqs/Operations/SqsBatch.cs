using System.Text.Json;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>
/// What the batch actions (SendMessageBatch, DeleteMessageBatch, ChangeMessageVisibilityBatch) share: the entry rules and
/// the <c>Successful</c>/<c>Failed</c> response.
/// </summary>
internal static class SqsBatch
{
    private const int MaxBatchEntries = 10;

    /// <summary>Reads a batch's entries and checks their count and ids, as SQS does before running any.</summary>
    public static List<SqsJsonRequest> Validate(SqsJsonRequest request, string name)
    {
        var entries = request.Entries(name).ToList();
        if (entries.Count == 0)
        {
            throw SqsErrors.EmptyBatchRequest();
        }

        if (entries.Count > MaxBatchEntries)
        {
            throw SqsErrors.TooManyEntriesInBatchRequest(entries.Count);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var id = entry.OptionalString("Id") ?? throw SqsErrors.MissingParameter($"{name}.member.Id");
            if (id.Length is 0 or > 80 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw SqsErrors.InvalidBatchEntryId(id);
            }

            if (!seen.Add(id))
            {
                throw SqsErrors.BatchEntryIdsNotDistinct(id);
            }
        }

        return entries;
    }

    /// <summary>Runs each entry; an entry's SQS error becomes a <c>Failed</c> element, as batch operations report.</summary>
    public static void Write(Utf8JsonWriter writer, List<SqsJsonRequest> entries, Func<SqsJsonRequest, Action<Utf8JsonWriter>> run)
    {
        var failed = new List<(string Id, SqsException Error)>();
        writer.WriteStartArray("Successful");
        foreach (var entry in entries)
        {
            Action<Utf8JsonWriter> write;
            try
            {
                write = run(entry);
            }
            catch (SqsException error)
            {
                failed.Add((entry.OptionalString("Id")!, error));
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString("Id", entry.OptionalString("Id"));
            write(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("Failed");
        foreach (var (id, error) in failed)
        {
            writer.WriteStartObject();
            writer.WriteString("Id", id);
            writer.WriteBoolean("SenderFault", error.SenderFault);
            writer.WriteString("Code", error.QueryCode);
            writer.WriteString("Message", error.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
