using System.Globalization;

namespace DynamoStreams.Emulator.DynamoDb.Tables;

/// <summary>
/// Creates stream labels (UTC ISO-8601 with milliseconds, no zone) and stream ARNs; each enable gets a new label.
/// </summary>
internal static class StreamLabels
{
    /// <summary>Creates settings for a newly enabled stream, with a label different from the previous one.</summary>
    /// <param name="tableArn">The table ARN.</param>
    /// <param name="viewType">The stream view type.</param>
    /// <param name="now">The current time.</param>
    /// <param name="previousLabel">The label of the table's previous stream, if any.</param>
    /// <returns>The settings of the enabled stream.</returns>
    public static StreamSettings Enable(string tableArn, string viewType, DateTimeOffset now, string? previousLabel)
    {
        var time = now.UtcDateTime;
        var label = Format(time);
        while (previousLabel is not null && string.CompareOrdinal(label, previousLabel) <= 0)
        {
            time = time.AddMilliseconds(1);
            label = Format(time);
        }

        return new StreamSettings(true, viewType, label, tableArn + "/stream/" + label);
    }

    private static string Format(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
