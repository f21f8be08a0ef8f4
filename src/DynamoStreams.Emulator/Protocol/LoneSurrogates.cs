using System.Buffers;
using System.Text.Json;

namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Finds a JSON string that escapes half of a UTF-16 surrogate pair (<c>"\ud800"</c>): valid JSON, but no Unicode
/// text, so no .NET string can hold it. Such a body is answered with the service's own error instead of failing
/// wherever the member is first read.
/// </summary>
/// <remarks>
/// The first pass only looks for a <c>\uD800</c>–<c>\uDFFF</c> escape that is not a well-formed pair, which SDK bodies
/// almost never contain, so it costs a vectorised search for <c>\</c> and allocates nothing; only a body that has one
/// is read token by token.
/// </remarks>
internal static class LoneSurrogates
{
    /// <summary>Returns the member whose text holds a lone surrogate, if any.</summary>
    /// <param name="body">A body that parsed as JSON.</param>
    /// <param name="service">The service, which may check some members' text itself.</param>
    /// <returns>The name of the member (for a map key, the map's member), or <see langword="null"/> when there is none.</returns>
    public static string? FindMember(ReadOnlySequence<byte> body, IAwsJsonService service) =>
        MayContain(body) ? FindInTokens(body, service) : null;

    private static bool MayContain(ReadOnlySequence<byte> body)
    {
        var reader = new SequenceReader<byte>(body);
        Span<byte> escape = stackalloc byte[12];
        while (reader.TryAdvanceTo((byte)'\\', advancePastDelimiter: false))
        {
            var length = (int)Math.Min(escape.Length, reader.Remaining);
            reader.TryCopyTo(escape[..length]);
            var text = escape[..length];
            if (text.Length >= 2 && text[1] == (byte)'\\')
            {
                // An escaped backslash: the next character is literal text.
                reader.Advance(2);
                continue;
            }

            if (IsHalf(text, high: true))
            {
                if (!IsHalf(text[6..], high: false))
                {
                    return true;
                }

                reader.Advance(12);
                continue;
            }

            if (IsHalf(text, high: false))
            {
                return true;
            }

            reader.Advance(1);
        }

        return false;
    }

    /// <summary>Whether the text starts with <c>\uD8xx</c>–<c>\uDBxx</c> (high) or <c>\uDCxx</c>–<c>\uDFxx</c> (low).</summary>
    private static bool IsHalf(ReadOnlySpan<byte> text, bool high)
    {
        if (text.Length < 6 || text[0] != (byte)'\\' || text[1] != (byte)'u' || (text[2] | 0x20) != (byte)'d')
        {
            return false;
        }

        var third = (byte)(text[3] | 0x20);
        return high ? third is (byte)'8' or (byte)'9' or (byte)'a' or (byte)'b' : third is >= (byte)'c' and <= (byte)'f';
    }

    private static string? FindInTokens(ReadOnlySequence<byte> body, IAwsJsonService service)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256 });
        string? member = null;
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.String))
            {
                continue;
            }

            string text;
            try
            {
                text = reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                if (reader.TokenType == JsonTokenType.String && member is not null && service.ChecksOwnCharacters(member))
                {
                    continue;
                }

                return member ?? string.Empty;
            }

            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                member = text;
            }
        }

        return null;
    }
}
