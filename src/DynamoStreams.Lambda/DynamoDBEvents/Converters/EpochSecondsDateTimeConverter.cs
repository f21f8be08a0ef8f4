using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DynamoStreams.Lambda.DynamoDBEvents.Converters;

/// <summary>
/// Converts <c>ApproximateCreationDateTime</c>: writes epoch seconds as a JSON number, as Lambda does; reads a number
/// of seconds (milliseconds above <see cref="MillisecondsThreshold"/>) or an ISO-8601 string.
/// </summary>
public sealed class EpochSecondsDateTimeConverter : JsonConverter<DateTime>
{
    /// <summary>
    /// The largest number read as seconds (year 6969); larger numbers are epoch milliseconds. The same rule as
    /// <c>Amazon.Lambda.Serialization.SystemTextJson</c>.
    /// </summary>
    public const long MillisecondsThreshold = 157753180800;

    /// <inheritdoc />
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return FromEpoch(reader.GetDecimal());
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString()!;
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return FromEpoch(number);
            }

            if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            }

            throw new JsonException($"ApproximateCreationDateTime '{text}' is neither epoch seconds nor an ISO-8601 date and time.");
        }

        throw new JsonException($"ApproximateCreationDateTime must be a number of epoch seconds or an ISO-8601 string, not a JSON {reader.TokenType}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        var ticks = utc.Ticks - DateTime.UnixEpoch.Ticks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var remainder);
        if (remainder == 0)
        {
            writer.WriteNumberValue(seconds);
            return;
        }

        // Keep sub-second precision as a decimal fraction (e.g. 1568013979.123) without binary floating-point noise.
        Span<byte> buffer = stackalloc byte[32];
        var fraction = (decimal)ticks / TimeSpan.TicksPerSecond;
        Utf8Formatter.TryFormat(fraction, buffer, out var written);
        writer.WriteRawValue(buffer[..written], skipInputValidation: true);
    }

    private static DateTime FromEpoch(decimal value)
    {
        var seconds = value > MillisecondsThreshold ? value / 1000m : value;
        if (seconds < 0 || seconds > 253402300799m)
        {
            throw new JsonException($"ApproximateCreationDateTime {value.ToString(CultureInfo.InvariantCulture)} is out of range for epoch seconds.");
        }

        return DateTime.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }
}
