using System.Globalization;
using System.Numerics;

namespace DynamoStreams.Emulator.Streams;

/// <summary>
/// Represents a stream record's sequence number: digits only, compared numerically. The emulator issues
/// 21-digit numbers that increase in publish order across all of its streams.
/// </summary>
public readonly record struct StreamSequenceNumber : IComparable<StreamSequenceNumber>
{
    private static readonly BigInteger s_base = BigInteger.Pow(10, 20);

    private StreamSequenceNumber(BigInteger value) => Value = value;

    /// <summary>Gets the numeric value.</summary>
    public BigInteger Value { get; }

    /// <summary>Compares two sequence numbers numerically.</summary>
    public static bool operator <(StreamSequenceNumber left, StreamSequenceNumber right) => left.Value < right.Value;

    /// <summary>Compares two sequence numbers numerically.</summary>
    public static bool operator >(StreamSequenceNumber left, StreamSequenceNumber right) => left.Value > right.Value;

    /// <summary>Compares two sequence numbers numerically.</summary>
    public static bool operator <=(StreamSequenceNumber left, StreamSequenceNumber right) => left.Value <= right.Value;

    /// <summary>Compares two sequence numbers numerically.</summary>
    public static bool operator >=(StreamSequenceNumber left, StreamSequenceNumber right) => left.Value >= right.Value;

    /// <summary>Parses a sequence number (1 to 40 digits).</summary>
    /// <param name="value">The digits.</param>
    /// <returns>The sequence number.</returns>
    /// <exception cref="FormatException">The value is not 1 to 40 digits.</exception>
    public static StreamSequenceNumber Parse(string value) =>
        TryParse(value, out var result) ? result : throw new FormatException($"'{value}' is not a sequence number: expected 1 to 40 digits.");

    /// <summary>Tries to parse a sequence number (1 to 40 digits).</summary>
    /// <param name="value">The digits.</param>
    /// <param name="result">The sequence number.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is 1 to 40 digits.</returns>
    public static bool TryParse(string? value, out StreamSequenceNumber result)
    {
        result = default;
        if (value is null || value.Length is 0 or > 40 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        result = new StreamSequenceNumber(BigInteger.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>Creates the sequence number of the emulator's n-th issued number.</summary>
    /// <param name="counter">The emulator's counter (0 or more).</param>
    /// <returns>The 21-digit sequence number.</returns>
    internal static StreamSequenceNumber FromCounter(long counter) => new(s_base + counter);

    /// <summary>Gets the length of the text of <see cref="FromCounter"/>'s numbers.</summary>
    internal const int CounterTextLength = 21;

    /// <summary>Writes the text of <see cref="FromCounter"/>(<paramref name="counter"/>) without building the number: 10^20 + counter.</summary>
    /// <param name="counter">The emulator's counter (0 to 10^20 - 1).</param>
    /// <param name="destination">At least <see cref="CounterTextLength"/> characters.</param>
    internal static void FormatCounter(long counter, Span<char> destination)
    {
        destination[0] = '1';
        counter.TryFormat(destination[1..CounterTextLength], out _, "D20", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public int CompareTo(StreamSequenceNumber other) => Value.CompareTo(other.Value);

    /// <summary>Returns the digits.</summary>
    /// <returns>The sequence number as DynamoDB Streams writes it.</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
