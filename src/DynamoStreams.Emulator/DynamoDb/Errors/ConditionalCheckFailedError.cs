using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.DynamoDb.Errors;

/// <summary>
/// The <c>ConditionalCheckFailedException</c> of a single-item write, carrying the current item when the
/// request asked for <c>ReturnValuesOnConditionCheckFailure: ALL_OLD</c>.
/// </summary>
internal sealed class ConditionalCheckFailedError : AwsServiceException
{
    /// <summary>Creates the error.</summary>
    /// <param name="item">The item to return, or <see langword="null"/>.</param>
    public ConditionalCheckFailedError(IReadOnlyDictionary<string, AttributeValue>? item)
        : base(DynamoDbErrors.DynamoNamespace + "ConditionalCheckFailedException", "The conditional request failed")
    {
        Item = item;
    }

    /// <summary>Gets the item returned with the error, or <see langword="null"/>.</summary>
    public IReadOnlyDictionary<string, AttributeValue>? Item { get; }

    /// <inheritdoc />
    internal override void WriteExtraMembers(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Item is not null)
        {
            writer.WritePropertyName("Item");
            AttributeValueWriter.WriteItem(writer, Item);
        }
    }
}
