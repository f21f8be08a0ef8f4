using System.Globalization;
using System.Text.Json;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Errors;

/// <summary>
/// Member constraints of the AWS API model that <see cref="ValidationErrors"/> does not check itself: numeric
/// ranges, non-empty lists, the <c>ConditionalOperator</c> enum and the comparison operator of each entry of a
/// condition map (<c>QueryFilter</c>, <c>ScanFilter</c>, <c>KeyConditions</c>).
/// </summary>
internal static class MemberConstraints
{
    /// <summary>The <c>ComparisonOperator</c> enum, in the order DynamoDB lists it.</summary>
    private static readonly string[] s_comparisonOperators =
        ["IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT", "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS"];

    private static readonly string[] s_conditionalOperators = ["OR", "AND"];

    /// <summary>Records a number below its minimum or above its maximum.</summary>
    /// <param name="errors">The collected errors.</param>
    /// <param name="value">The value, or <see langword="null"/> when absent (not checked).</param>
    /// <param name="path">The member path in lower camel case.</param>
    /// <param name="minimum">The smallest allowed value.</param>
    /// <param name="maximum">The largest allowed value, or <see langword="null"/> for none.</param>
    public static void CheckRange(this ValidationErrors errors, long? value, string path, long minimum, long? maximum = null)
    {
        if (value is not { } number)
        {
            return;
        }

        if (number < minimum)
        {
            errors.Add(number.ToString(CultureInfo.InvariantCulture), path, "Member must have value greater than or equal to " + minimum.ToString(CultureInfo.InvariantCulture));
        }
        else if (number > maximum)
        {
            errors.Add(number.ToString(CultureInfo.InvariantCulture), path, "Member must have value less than or equal to " + maximum.Value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Records an empty list member (rendered <c>'[]'</c>, as DynamoDB prints it).</summary>
    /// <param name="errors">The collected errors.</param>
    /// <param name="body">The request object.</param>
    /// <param name="member">The member name, for example <c>AttributesToGet</c>.</param>
    /// <param name="path">The member path in lower camel case.</param>
    public static void CheckNotEmptyList(this ValidationErrors errors, JsonElement body, string member, string path)
    {
        if (JsonFields.TryGetArray(body, member, out var list) && list.GetArrayLength() == 0)
        {
            errors.Add("[]", path, "Member must have length greater than or equal to 1");
        }
    }

    /// <summary>Records a <c>ConditionalOperator</c> other than AND or OR.</summary>
    /// <param name="errors">The collected errors.</param>
    /// <param name="body">The request object.</param>
    public static void CheckConditionalOperator(this ValidationErrors errors, JsonElement body) =>
        errors.CheckEnum(JsonFields.GetString(body, "ConditionalOperator"), "conditionalOperator", s_conditionalOperators);

    /// <summary>Records each entry of a condition map whose <c>ComparisonOperator</c> is missing or unknown.</summary>
    /// <param name="errors">The collected errors.</param>
    /// <param name="body">The request object.</param>
    /// <param name="member">The map member, for example <c>QueryFilter</c>.</param>
    /// <param name="path">The member path in lower camel case, for example <c>queryFilter</c>.</param>
    public static void CheckComparisonOperators(this ValidationErrors errors, JsonElement body, string member, string path)
    {
        if (!JsonFields.TryGetObject(body, member, out var map))
        {
            return;
        }

        foreach (var entry in map.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var op = JsonFields.GetString(entry.Value, "ComparisonOperator");
            if (op is null)
            {
                errors.NotNull(path + "." + entry.Name + ".member.comparisonOperator");
            }
            else if (Array.IndexOf(s_comparisonOperators, op) < 0)
            {
                errors.CheckEnum(op, path + "." + entry.Name + ".member.comparisonOperator", s_comparisonOperators);
            }
        }
    }
}
