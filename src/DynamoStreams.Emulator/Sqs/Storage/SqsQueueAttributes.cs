using System.Globalization;
using System.Text.Json;

namespace DynamoStreams.Emulator.Sqs.Storage;

/// <summary>
/// Names, defaults and validation of the settable queue attributes, as SQS documents them.
/// </summary>
internal static class SqsQueueAttributes
{
    /// <summary>The visibility timeout in seconds (default 30, 0 to 43,200).</summary>
    public const string VisibilityTimeout = "VisibilityTimeout";

    /// <summary>The retention period in seconds (default 345,600, 60 to 1,209,600).</summary>
    public const string MessageRetentionPeriod = "MessageRetentionPeriod";

    /// <summary>The largest accepted message in bytes (default 1,048,576, 1,024 to 1,048,576).</summary>
    public const string MaximumMessageSize = "MaximumMessageSize";

    /// <summary>The delivery delay in seconds (default 0, 0 to 900).</summary>
    public const string DelaySeconds = "DelaySeconds";

    /// <summary>The default long-poll wait in seconds (default 0, 0 to 20).</summary>
    public const string ReceiveMessageWaitTimeSeconds = "ReceiveMessageWaitTimeSeconds";

    /// <summary>The dead-letter policy: <c>{"deadLetterTargetArn":"...","maxReceiveCount":N}</c>.</summary>
    public const string RedrivePolicy = "RedrivePolicy";

    private static readonly Dictionary<string, (int Min, int Max, string Default)> s_numeric = new(StringComparer.Ordinal)
    {
        [VisibilityTimeout] = (0, 43_200, "30"),
        [MessageRetentionPeriod] = (60, 1_209_600, "345600"),
        [MaximumMessageSize] = (1_024, 1_048_576, "1048576"),
        [DelaySeconds] = (0, 900, "0"),
        [ReceiveMessageWaitTimeSeconds] = (0, 20, "0"),
        ["KmsDataKeyReusePeriodSeconds"] = (60, 86_400, "300"),
    };

    private static readonly HashSet<string> s_opaque = new(StringComparer.Ordinal)
    {
        RedrivePolicy, "RedriveAllowPolicy", "Policy", "KmsMasterKeyId", "SqsManagedSseEnabled",
    };

    private static readonly HashSet<string> s_fifoOnly = new(StringComparer.Ordinal)
    {
        "FifoQueue", "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit",
    };

    /// <summary>Gets the read-only attributes GetQueueAttributes computes.</summary>
    public static IReadOnlyList<string> Computed { get; } =
    [
        "QueueArn", "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
        "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp", "LastModifiedTimestamp",
    ];

    /// <summary>Creates the settable attributes of a new queue with their defaults.</summary>
    /// <returns>A mutable map of attribute names to values.</returns>
    public static Dictionary<string, string> CreateDefaults()
    {
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, range) in s_numeric)
        {
            if (name != "KmsDataKeyReusePeriodSeconds")
            {
                defaults[name] = range.Default;
            }
        }

        defaults["SqsManagedSseEnabled"] = "true";
        return defaults;
    }

    /// <summary>Checks that a name may be set and its value is valid.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The attribute value.</param>
    /// <exception cref="SqsException">The name is unknown or read-only, or the value is invalid.</exception>
    public static void Validate(string name, string value)
    {
        if (s_numeric.TryGetValue(name, out var range))
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < range.Min || number > range.Max)
            {
                throw SqsErrors.InvalidAttributeValue(name, $"Must be an integer from {range.Min} to {range.Max}.");
            }

            return;
        }

        if (s_fifoOnly.Contains(name))
        {
            if (name == "FifoQueue" && value == "false")
            {
                return;
            }

            throw SqsErrors.InvalidAttributeName(name);
        }

        if (!s_opaque.Contains(name))
        {
            throw SqsErrors.InvalidAttributeName(name);
        }

        if (name == "SqsManagedSseEnabled" && value is not ("true" or "false"))
        {
            throw SqsErrors.InvalidAttributeValue(name, "Must be true or false.");
        }

        if (name == RedrivePolicy && value.Length > 0)
        {
            _ = ParseRedrivePolicy(value);
        }
    }

    /// <summary>Parses a redrive policy.</summary>
    /// <param name="value">The JSON policy.</param>
    /// <returns>The dead-letter queue ARN and the receive count after which a message moves there.</returns>
    /// <exception cref="SqsException">The policy is malformed.</exception>
    public static (string DeadLetterTargetArn, int MaxReceiveCount) ParseRedrivePolicy(string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            var root = document.RootElement;
            var arn = root.GetProperty("deadLetterTargetArn").GetString();
            var countElement = root.GetProperty("maxReceiveCount");
            var count = countElement.ValueKind == JsonValueKind.String
                ? int.Parse(countElement.GetString()!, CultureInfo.InvariantCulture)
                : countElement.GetInt32();
            if (string.IsNullOrEmpty(arn) || count is < 1 or > 1000)
            {
                throw new FormatException();
            }

            return (arn, count);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or OverflowException)
        {
            throw SqsErrors.InvalidAttributeValue(RedrivePolicy,
                "Redrive policy must be a JSON object with deadLetterTargetArn (a queue ARN) and maxReceiveCount (1 to 1000).");
        }
    }
}
