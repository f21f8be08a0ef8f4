using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>
/// Reads a JSON string that may escape a lone UTF-16 surrogate, which <see cref="JsonElement.GetString"/> refuses:
/// a .NET string can hold one, so the message body reaches SQS's character check and fails there with
/// <c>InvalidMessageContents</c> (per entry in a batch), as in SQS.
/// </summary>
internal static class LenientJsonString
{
    /// <summary>Returns the string's text, lone surrogates kept.</summary>
    /// <param name="element">A JSON string.</param>
    /// <returns>The unescaped text.</returns>
    public static string Read(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Unescape(element.GetRawText());
        }
    }

    private static string Unescape(string raw)
    {
        var text = new StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length - 1; i++)
        {
            var c = raw[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            c = raw[++i];
            text.Append(c switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => (char)int.Parse(raw.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                _ => c,
            });
            if (c == 'u')
            {
                i += 4;
            }
        }

        return text.ToString();
    }
}
