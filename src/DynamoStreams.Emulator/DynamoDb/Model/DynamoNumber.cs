using System.Numerics;

namespace DynamoStreams.Emulator.DynamoDb.Model;

/// <summary>
/// Represents a DynamoDB number: up to 38 significant decimal digits, magnitude between 1E-130 and
/// 9.9999999999999999999999999999999999999E+125, compared numerically and rendered in the plain
/// decimal form DynamoDB returns ("1.50" becomes "1.5", "1e2" becomes "100", "-0" becomes "0").
/// </summary>
internal sealed class DynamoNumber : IEquatable<DynamoNumber>, IComparable<DynamoNumber>
{
    /// <summary>The largest number of significant digits DynamoDB stores.</summary>
    public const int MaxSignificantDigits = 38;

    private const int MaxExponent = 125;
    private const int MinExponent = -130;

    // Value = sign * 0.d1d2..dn * 10^(_exponent + 1), i.e. d1 sits at 10^_exponent.
    private readonly string _digits;
    private readonly int _exponent;
    private readonly int _sign;
    private readonly string _text;

    private DynamoNumber(int sign, string digits, int exponent, string text)
    {
        _sign = sign;
        _digits = digits;
        _exponent = exponent;
        _text = text;
    }

    /// <summary>Gets the number zero.</summary>
    public static DynamoNumber Zero { get; } = new(0, "0", 0, "0");

    /// <summary>Gets -1, 0 or 1 for a negative, zero or positive number.</summary>
    public int Sign => _sign;

    /// <summary>Gets the significant digits without leading or trailing zeros ("0" for zero).</summary>
    public string SignificantDigits => _digits;

    /// <summary>Gets the power of ten of the leading significant digit (0 for zero).</summary>
    public int Exponent => _exponent;

    /// <summary>Parses DynamoDB number text, throwing DynamoDB's exact validation message when it is not a valid number.</summary>
    /// <param name="text">The number as sent on the wire, e.g. "1.50", "-3e-7".</param>
    /// <returns>The parsed number.</returns>
    /// <exception cref="DynamoValidationException">The text is empty, not numeric, or out of DynamoDB's range or precision.</exception>
    public static DynamoNumber Parse(string? text)
    {
        var error = TryParse(text, out var number);
        return error is null ? number! : throw new DynamoValidationException(error);
    }

    /// <summary>Parses DynamoDB number text, returning DynamoDB's validation message instead of throwing.</summary>
    /// <param name="text">The number as sent on the wire.</param>
    /// <param name="number">The parsed number, or null when the text is invalid.</param>
    /// <returns>Null on success; otherwise the exact message DynamoDB returns.</returns>
    public static string? TryParse(string? text, out DynamoNumber? number)
    {
        number = null;
        if (string.IsNullOrEmpty(text))
        {
            return NumberMessages.NotNumeric;
        }

        var span = text.AsSpan();
        var i = 0;
        var negative = false;
        if (span[0] is '-' or '+')
        {
            negative = span[0] == '-';
            i++;
        }

        Span<char> buffer = span.Length <= 256 ? stackalloc char[span.Length] : new char[span.Length];
        var count = 0;
        var pointPosition = -1;
        var sawDigit = false;
        for (; i < span.Length; i++)
        {
            var c = span[i];
            if (c is >= '0' and <= '9')
            {
                sawDigit = true;
                buffer[count++] = c;
            }
            else if (c == '.' && pointPosition < 0)
            {
                pointPosition = count;
            }
            else
            {
                break;
            }
        }

        if (!sawDigit)
        {
            return NumberMessages.NotNumericValue(text);
        }

        long exponentPart = 0;
        if (i < span.Length)
        {
            if (span[i] is not ('e' or 'E') || !TryParseExponent(span[(i + 1)..], out exponentPart))
            {
                return NumberMessages.NotNumericValue(text);
            }
        }

        if (pointPosition < 0)
        {
            pointPosition = count;
        }

        var digits = buffer[..count];
        var leading = 0;
        while (leading < digits.Length && digits[leading] == '0')
        {
            leading++;
        }

        if (leading == digits.Length)
        {
            number = Zero;
            return null;
        }

        var trailing = digits.Length;
        while (digits[trailing - 1] == '0')
        {
            trailing--;
        }

        // The leading significant digit sits at 10^(pointPosition - leading - 1) before the exponent part.
        var exponent = pointPosition - leading - 1 + exponentPart;
        if (exponent > MaxExponent)
        {
            return NumberMessages.Overflow;
        }

        if (exponent < MinExponent)
        {
            return NumberMessages.Underflow;
        }

        if (trailing - leading > MaxSignificantDigits)
        {
            return NumberMessages.TooManyDigits;
        }

        number = Create(negative ? -1 : 1, digits[leading..trailing], (int)exponent, text);
        return null;
    }

    /// <summary>Creates a number from an integer.</summary>
    /// <param name="value">The integer value.</param>
    /// <returns>The number.</returns>
    public static DynamoNumber FromInt64(long value) => Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Adds two numbers as SET a = b + c and ADD do, validating the result against DynamoDB's range and precision.</summary>
    /// <param name="other">The number to add.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="DynamoValidationException">The result is out of range or needs more than 38 significant digits.</exception>
    public DynamoNumber Add(DynamoNumber other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._sign == 0)
        {
            return this;
        }

        if (_sign == 0)
        {
            return other;
        }

        var (a, scaleA) = ToScaled();
        var (b, scaleB) = other.ToScaled();
        var scale = Math.Min(scaleA, scaleB);
        var sum = (a * BigInteger.Pow(10, scaleA - scale)) + (b * BigInteger.Pow(10, scaleB - scale));
        return FromScaled(sum, scale);
    }

    /// <summary>Subtracts a number as SET a = b - c does, validating the result.</summary>
    /// <param name="other">The number to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="DynamoValidationException">The result is out of range or needs more than 38 significant digits.</exception>
    public DynamoNumber Subtract(DynamoNumber other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Add(other.Negate());
    }

    /// <summary>Returns the number with its sign flipped.</summary>
    /// <returns>The negated number.</returns>
    public DynamoNumber Negate() => _sign == 0 ? this : Create(-_sign, _digits, _exponent, null);

    /// <summary>Compares two numbers numerically.</summary>
    /// <param name="other">The other number.</param>
    /// <returns>Negative, zero or positive as this number is less than, equal to or greater than the other.</returns>
    public int CompareTo(DynamoNumber? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (_sign != other._sign)
        {
            return _sign.CompareTo(other._sign);
        }

        if (_sign == 0)
        {
            return 0;
        }

        var magnitude = _exponent != other._exponent
            ? _exponent.CompareTo(other._exponent)
            : string.CompareOrdinal(_digits, other._digits);
        return _sign > 0 ? magnitude : -magnitude;
    }

    /// <summary>Determines whether two numbers are numerically equal.</summary>
    /// <param name="other">The other number.</param>
    /// <returns>True when both have the same value.</returns>
    public bool Equals(DynamoNumber? other) => other is not null && _text == other._text;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DynamoNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _text.GetHashCode(StringComparison.Ordinal);

    /// <summary>Returns the canonical text DynamoDB returns for this number (plain decimal notation).</summary>
    /// <returns>The canonical text.</returns>
    public override string ToString() => _text;

    private static bool TryParseExponent(ReadOnlySpan<char> span, out long exponent)
    {
        exponent = 0;
        var i = 0;
        var negative = false;
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            negative = span[0] == '-';
            i++;
        }

        if (i == span.Length)
        {
            return false;
        }

        for (; i < span.Length; i++)
        {
            if (span[i] is < '0' or > '9')
            {
                return false;
            }

            // Saturate: anything this large is an overflow or underflow anyway.
            exponent = Math.Min((exponent * 10) + (span[i] - '0'), 1_000_000_000);
        }

        exponent = negative ? -exponent : exponent;
        return true;
    }

    private (BigInteger Coefficient, int Scale) ToScaled()
    {
        var coefficient = BigInteger.Parse(_digits, System.Globalization.CultureInfo.InvariantCulture);
        return (_sign < 0 ? -coefficient : coefficient, _exponent - (_digits.Length - 1));
    }

    private static DynamoNumber FromScaled(BigInteger value, int scale)
    {
        if (value.IsZero)
        {
            return Zero;
        }

        var text = BigInteger.Abs(value).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var trailing = text.Length;
        while (text[trailing - 1] == '0')
        {
            trailing--;
        }

        var exponent = scale + text.Length - 1;
        if (exponent > MaxExponent)
        {
            throw new DynamoValidationException(NumberMessages.Overflow);
        }

        if (exponent < MinExponent)
        {
            throw new DynamoValidationException(NumberMessages.Underflow);
        }

        if (trailing > MaxSignificantDigits)
        {
            throw new DynamoValidationException(NumberMessages.TooManyDigits);
        }

        return Create(value.Sign, text.AsSpan(0, trailing), exponent, null);
    }

    private static DynamoNumber Create(int sign, ReadOnlySpan<char> digits, int exponent, string? input)
    {
        // Reuse the caller's text when it is already canonical (the common case for integers) to keep parsing
        // on the request path down to one allocation.
        var length = FormattedLength(sign, digits.Length, exponent);
        Span<char> buffer = length <= 256 ? stackalloc char[length] : new char[length];
        Format(sign, digits, exponent, buffer);
        var text = input is not null && buffer.SequenceEqual(input) ? input : new string(buffer);
        var digitText = text.AsSpan().SequenceEqual(digits) ? text : new string(digits);
        return new DynamoNumber(sign, digitText, exponent, text);
    }

    private static int FormattedLength(int sign, int digits, int exponent)
    {
        var magnitude = exponent < 0 ? 2 + (-exponent - 1) + digits
            : exponent >= digits - 1 ? exponent + 1
            : digits + 1;
        return magnitude + (sign < 0 ? 1 : 0);
    }

    private static void Format(int sign, ReadOnlySpan<char> digits, int exponent, Span<char> destination)
    {
        var at = 0;
        if (sign < 0)
        {
            destination[at++] = '-';
        }

        if (exponent < 0)
        {
            destination[at++] = '0';
            destination[at++] = '.';
            destination.Slice(at, -exponent - 1).Fill('0');
            at += -exponent - 1;
            digits.CopyTo(destination[at..]);
        }
        else if (exponent >= digits.Length - 1)
        {
            digits.CopyTo(destination[at..]);
            destination[(at + digits.Length)..].Fill('0');
        }
        else
        {
            digits[..(exponent + 1)].CopyTo(destination[at..]);
            at += exponent + 1;
            destination[at++] = '.';
            digits[(exponent + 1)..].CopyTo(destination[at..]);
        }
    }
}
