using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Tables;

/// <summary>Reads a <c>Tags</c> list of <c>{Key, Value}</c> objects with DynamoDB's limits.</summary>
internal static class TagReader
{
    public static List<KeyValuePair<string, string>> Read(JsonElement body, string member)
    {
        var tags = new List<KeyValuePair<string, string>>();
        if (!JsonFields.TryGetArray(body, member, out var array))
        {
            return tags;
        }

        var errors = new ValidationErrors();
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            i++;
            var key = JsonFields.GetString(element, "Key");
            var value = JsonFields.GetString(element, "Value");
            if (key is null)
            {
                errors.NotNull($"tags.{i}.member.key");
            }
            else if (key.Length is < 1 or > 128)
            {
                errors.Add(key, $"tags.{i}.member.key", key.Length < 1 ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 128");
            }

            if (value is null)
            {
                errors.NotNull($"tags.{i}.member.value");
            }
            else if (value.Length > 256)
            {
                errors.Add(value, $"tags.{i}.member.value", "Member must have length less than or equal to 256");
            }

            tags.Add(new(key ?? string.Empty, value ?? string.Empty));
        }

        errors.ThrowIfAny();
        if (tags.Count > 50)
        {
            throw DynamoDbErrors.Validation("One or more parameter values were invalid: Too many tags: the maximum is 50.");
        }

        return tags;
    }
}
