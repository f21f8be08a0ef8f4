using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;

namespace DynamoStreams.Emulator.Protocol.Shapes;

/// <summary>
/// Tests one value against its shape's own constraints. Strings are read from the request's UTF-8 bytes when they
/// are plain ASCII, so a valid table name costs no string.
/// </summary>
internal static class ConstraintChecks
{
    private const int MaxStackChars = 512;

    private static readonly SearchValues<byte> s_plainAscii = SearchValues.Create(
        Enumerable.Range(0x20, 0x7F - 0x20).Where(b => b != '\\').Select(b => (byte)b).ToArray());

    /// <summary>
    /// Returns whether <paramref name="value"/> breaks any of <paramref name="constraints"/>; when
    /// <paramref name="report"/> is given, records every broken one at its current path.
    /// </summary>
    /// <param name="value">A value of the shape's JSON type.</param>
    /// <param name="constraints">The constraints.</param>
    /// <param name="report">Where to record violations, or <see langword="null"/> to only test.</param>
    /// <param name="member">The member name, for the messages that name it.</param>
    /// <returns>Whether a constraint is broken.</returns>
    public static bool Breaks(JsonElement value, ShapeConstraints constraints, ConstraintCollector? report, string? member) =>
        value.ValueKind switch
        {
            JsonValueKind.String => BreaksText(value, constraints, report, member),
            JsonValueKind.Number => BreaksNumber(value, constraints, report),
            JsonValueKind.Array => BreaksLength(value, value.GetArrayLength(), constraints, report),
            JsonValueKind.Object => BreaksLength(value, CountProperties(value), constraints, report),
            _ => false,
        };

    /// <summary>Returns whether a map key breaks the key constraints.</summary>
    /// <param name="key">The map entry.</param>
    /// <param name="constraints">The key constraints.</param>
    /// <returns>Whether a constraint is broken.</returns>
    public static bool BreaksKey(JsonProperty key, ShapeConstraints constraints)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(key);
        if (raw.Length <= MaxStackChars && !raw.ContainsAnyExcept(s_plainAscii))
        {
            Span<char> chars = stackalloc char[raw.Length];
            var length = Encoding.ASCII.GetChars(raw, chars);
            return BreaksText(chars[..length], constraints, null, null, null);
        }

        return BreaksText(key.Name, constraints, null, null, null);
    }

    private static bool BreaksText(JsonElement value, ShapeConstraints constraints, ConstraintCollector? report, string? member)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        var content = raw[1..^1];
        if (content.Length <= MaxStackChars && !content.ContainsAnyExcept(s_plainAscii))
        {
            if (constraints.AcceptsAscii(content))
            {
                return false;
            }

            Span<char> chars = stackalloc char[content.Length];
            var length = Encoding.ASCII.GetChars(content, chars);
            return BreaksText(chars[..length], constraints, report, member, value);
        }

        return BreaksText(value.GetString(), constraints, report, member, value);
    }

    private static bool BreaksText(ReadOnlySpan<char> text, ShapeConstraints constraints, ConstraintCollector? report, string? member, JsonElement? value)
    {
        if (constraints.AcceptsTableArn && text.StartsWith("arn:", StringComparison.Ordinal))
        {
            text = TableNames.FromArn(text.ToString());
        }

        var broken = false;
        if (constraints.Enum is { } allowed && !Contains(allowed, text))
        {
            broken = true;
            report?.Violation(value!.Value.GetString()!, ConstraintTexts.OneOf(allowed));
        }

        var tooShort = constraints.MinLength is { } min && text.Length < min;
        var tooLong = constraints.MaxLength is { } max && text.Length > max;
        if (constraints.ReportedAsParameter && (tooShort || tooLong))
        {
            report?.First(member + " must be at least " + constraints.MinLength?.ToString(CultureInfo.InvariantCulture) +
                " characters long and at most " + constraints.MaxLength?.ToString(CultureInfo.InvariantCulture) + " characters long");
            return true;
        }

        if (constraints.NameCharacters && !ShapeConstraints.IsName(text))
        {
            broken = true;
            report?.Violation(value!.Value.GetString()!, ConstraintTexts.Pattern(ShapeConstraints.NamePattern));
        }

        if (tooShort)
        {
            report?.Violation(value!.Value.GetString()!, ConstraintTexts.MinLength(constraints.MinLength!.Value));
        }

        if (tooLong)
        {
            report?.Violation(value!.Value.GetString()!, ConstraintTexts.MaxLength(constraints.MaxLength!.Value));
        }

        return broken || tooShort || tooLong;
    }

    private static bool Contains(string[] allowed, ReadOnlySpan<char> text)
    {
        foreach (var candidate in allowed)
        {
            if (text.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool BreaksNumber(JsonElement value, ShapeConstraints constraints, ConstraintCollector? report)
    {
        if (constraints.Min is null && constraints.Max is null)
        {
            return false;
        }

        var number = value.TryGetInt64(out var whole) ? whole : value.GetDouble();
        var broken = false;
        if (constraints.Min is { } min && number < min)
        {
            broken = true;
            report?.Violation(value.GetRawText(), ConstraintTexts.AtLeast(min));
        }

        if (constraints.Max is { } max && number > max)
        {
            broken = true;
            report?.Violation(value.GetRawText(), ConstraintTexts.AtMost(max));
        }

        return broken;
    }

    private static bool BreaksLength(JsonElement value, int count, ShapeConstraints constraints, ConstraintCollector? report)
    {
        var broken = false;
        if (constraints.MinLength is { } min && count < min)
        {
            broken = true;
            report?.Violation(ConstraintValues.Render(value), ConstraintTexts.MinLength(min));
        }

        if (constraints.MaxLength is { } max && count > max)
        {
            broken = true;
            report?.Violation(ConstraintValues.Render(value), ConstraintTexts.MaxLength(max));
        }

        return broken;
    }

    private static int CountProperties(JsonElement map)
    {
        var count = 0;
        foreach (var unused in map.EnumerateObject())
        {
            count++;
        }

        return count;
    }
}
