using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>Checks an <c>ExclusiveStartKey</c> against the key attributes of what is read.</summary>
internal static class StartKeys
{
    public const string Invalid = "The provided starting key is invalid: The provided key element does not match the schema";

    public static void Check(IReadOnlyDictionary<string, AttributeValue> startKey, ReadSource source)
    {
        var attributes = source.LastKeyAttributes();
        if (startKey.Count != attributes.Count)
        {
            throw DynamoDbErrors.Validation(Invalid);
        }

        foreach (var attribute in attributes)
        {
            if (!startKey.TryGetValue(attribute.Name, out var value) || AttributeValue.TypeKey(value.Type) != attribute.Type)
            {
                throw DynamoDbErrors.Validation(Invalid);
            }
        }
    }
}
