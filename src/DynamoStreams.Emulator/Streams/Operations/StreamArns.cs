namespace DynamoStreams.Emulator.Streams.Operations;

/// <summary>
/// Checks the form of a stream ARN, <c>arn:aws:dynamodb:&lt;region&gt;:&lt;account&gt;:table/&lt;name&gt;/stream/&lt;label&gt;</c>:
/// a string of the right length that is not one is a <c>ValidationException</c> ("Invalid StreamArn"), while a
/// well-formed ARN of no stream is a <c>ResourceNotFoundException</c>.
/// </summary>
internal static class StreamArns
{
    /// <summary>Throws DynamoDB Streams' <c>Invalid StreamArn</c> unless the ARN is well formed.</summary>
    /// <param name="arn">The ARN as sent.</param>
    /// <exception cref="StreamsException">The ARN is malformed.</exception>
    public static void CheckWellFormed(string arn)
    {
        if (!IsWellFormed(arn))
        {
            throw StreamsException.Validation("Invalid StreamArn");
        }
    }

    private static bool IsWellFormed(string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[1].Length == 0 || parts[2] != "dynamodb" || parts[3].Length == 0
            || parts[4].Length != 12 || !parts[4].All(char.IsAsciiDigit))
        {
            return false;
        }

        var resource = parts[5].Split('/');
        return resource.Length == 4 && resource[0] == "table" && resource[2] == "stream"
            && resource[1].Length is >= 3 and <= 255 && resource[1].All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
            && resource[3].Length > 0;
    }
}
