using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.DynamoDb.Errors;

/// <summary>
/// The <c>TransactionCanceledException</c> with one cancellation reason per action, in request order.
/// </summary>
internal sealed class TransactionCanceledError : AwsServiceException
{
    /// <summary>Creates the error.</summary>
    /// <param name="reasons">The reasons, one per action of the request.</param>
    public TransactionCanceledError(IReadOnlyList<CancellationReason> reasons)
        : base(DynamoDbErrors.DynamoNamespace + "TransactionCanceledException",
            "Transaction cancelled, please refer cancellation reasons for specific reasons [" + string.Join(", ", reasons.Select(r => r.Code)) + "]")
    {
        Reasons = reasons;
    }

    /// <summary>Gets the reasons in request order.</summary>
    public IReadOnlyList<CancellationReason> Reasons { get; }

    /// <inheritdoc />
    internal override void WriteExtraMembers(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray("CancellationReasons");
        foreach (var reason in Reasons)
        {
            writer.WriteStartObject();
            writer.WriteString("Code", reason.Code);
            if (reason.Message is not null)
            {
                writer.WriteString("Message", reason.Message);
            }

            if (reason.Item is not null)
            {
                writer.WritePropertyName("Item");
                AttributeValueWriter.WriteItem(writer, reason.Item);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
