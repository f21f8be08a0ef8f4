using System.Globalization;
using DynamoStreams.Emulator.Sqs.Storage;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>
/// Validates a message to send the way SQS does: body characters and size, attribute count, names,
/// data types and values, system attributes and delay.
/// </summary>
internal static class SqsMessageValidation
{
    private const int MaxAttributes = 10;

    public static SqsMessageDraft CreateDraft(SqsQueue queue, string body,
        IReadOnlyDictionary<string, SqsMessageAttribute>? attributes,
        IReadOnlyDictionary<string, SqsMessageAttribute>? systemAttributes, string senderId)
    {
        if (body.Length == 0)
        {
            throw SqsErrors.MissingParameter("MessageBody");
        }

        if (!HasOnlyValidCharacters(body))
        {
            throw SqsErrors.InvalidMessageContents();
        }

        if (attributes is { Count: > MaxAttributes })
        {
            throw SqsErrors.InvalidParameterValue(
                $"Number of message attributes [{attributes.Count}] exceeds the allowed maximum [{MaxAttributes}].");
        }

        foreach (var (name, attribute) in attributes ?? new Dictionary<string, SqsMessageAttribute>())
        {
            ValidateAttribute(name, attribute);
        }

        foreach (var (name, attribute) in systemAttributes ?? new Dictionary<string, SqsMessageAttribute>())
        {
            if (name != "AWSTraceHeader")
            {
                throw SqsErrors.InvalidParameterValue($"Message system attribute name '{name}' is invalid.");
            }

            if (attribute.DataType != "String" || string.IsNullOrEmpty(attribute.StringValue))
            {
                throw SqsErrors.InvalidParameterValue("Message system attribute AWSTraceHeader must be a non-empty String.");
            }
        }

        var draft = new SqsMessageDraft(body, attributes, systemAttributes, senderId);
        var limit = queue.GetIntAttribute(SqsQueueAttributes.MaximumMessageSize);
        if (draft.Size > limit)
        {
            throw SqsErrors.InvalidParameterValue(
                string.Create(CultureInfo.InvariantCulture, $"One or more parameters are invalid. Reason: Message must be shorter than {limit} bytes."));
        }

        return draft;
    }

    public static int? ValidateDelay(int? delaySeconds)
    {
        if (delaySeconds is < 0 or > 900)
        {
            throw SqsErrors.InvalidParameterValue(string.Create(CultureInfo.InvariantCulture,
                $"Value {delaySeconds} for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900."));
        }

        return delaySeconds;
    }

    private static void ValidateAttribute(string name, SqsMessageAttribute attribute)
    {
        if (name.Length is 0 or > 256 || name.StartsWith("AWS.", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Amazon.", StringComparison.OrdinalIgnoreCase) || name.StartsWith('.') || name.EndsWith('.')
            || name.Contains("..", StringComparison.Ordinal) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            throw SqsErrors.InvalidParameterValue($"Message attribute name '{name}' is invalid.");
        }

        var baseType = attribute.DataType.Split('.', 2)[0];
        if (baseType is not ("String" or "Number" or "Binary"))
        {
            throw SqsErrors.InvalidParameterValue(
                $"The type of message (user) attribute '{name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.");
        }

        var hasValue = baseType == "Binary" ? attribute.BinaryValue is { Length: > 0 } : !string.IsNullOrEmpty(attribute.StringValue);
        if (!hasValue)
        {
            throw SqsErrors.InvalidParameterValue($"Message (user) attribute '{name}' must contain a non-empty value of type '{baseType}'.");
        }

        if (baseType == "Number" && !decimal.TryParse(attribute.StringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw SqsErrors.InvalidParameterValue($"Can't cast the value of message (user) attribute '{name}' to a number.");
        }
    }

    private static bool HasOnlyValidCharacters(string body)
    {
        foreach (var rune in body.EnumerateRunes())
        {
            var v = rune.Value;
            var valid = v is 0x9 or 0xA or 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000;
            if (!valid)
            {
                return false;
            }
        }

        // EnumerateRunes maps lone surrogates to U+FFFD; reject them explicitly.
        return !HasLoneSurrogate(body);
    }

    private static bool HasLoneSurrogate(string body)
    {
        for (var i = 0; i < body.Length; i++)
        {
            if (char.IsHighSurrogate(body[i]))
            {
                if (i + 1 >= body.Length || !char.IsLowSurrogate(body[i + 1]))
                {
                    return true;
                }

                i++;
            }
            else if (char.IsLowSurrogate(body[i]))
            {
                return true;
            }
        }

        return false;
    }
}
