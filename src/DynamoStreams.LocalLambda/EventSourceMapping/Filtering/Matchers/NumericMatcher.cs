using System.Globalization;
using System.Text.Json;

namespace DynamoStreams.LocalLambda.EventSourceMapping.Filtering.Matchers;

/// <summary>
/// Matches numbers against comparisons (<c>{"numeric": [">", 10, "&lt;=", 20]}</c>). A DynamoDB <c>N</c> value is a
/// JSON string; it is compared numerically when it parses as a number (undocumented by AWS; spec B.7 [emu]).
/// </summary>
internal sealed class NumericMatcher(IReadOnlyList<(string Operator, double Operand)> conditions) : ValueMatcher
{
    public override bool Matches(JsonElement value)
    {
        double number;
        if (value.ValueKind == JsonValueKind.Number)
        {
            number = value.GetDouble();
        }
        else if (value.ValueKind != JsonValueKind.String
            || !double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }

        foreach (var (op, operand) in conditions)
        {
            var ok = op switch
            {
                "=" => number == operand,
                "<" => number < operand,
                "<=" => number <= operand,
                ">" => number > operand,
                _ => number >= operand,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
