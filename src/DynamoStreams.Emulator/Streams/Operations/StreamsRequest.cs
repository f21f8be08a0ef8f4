using System.Globalization;
using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.Streams.Operations;

/// <summary>
/// Reads members of a DynamoDB Streams request with the service's checks: a member of the wrong JSON type is a
/// <c>SerializationException</c> at once; the model's constraints (required, length, enum, pattern) are collected and
/// reported together as "N validation errors detected", in member order, when the operation calls
/// <see cref="ThrowIfInvalid"/>.
/// </summary>
internal sealed class StreamsRequest(JsonElement body)
{
    /// <summary>The length limits of a stream ARN in the Streams API model.</summary>
    public const int MinArn = 37;

    /// <summary>The upper length limit of a stream ARN.</summary>
    public const int MaxArn = 1024;

    /// <summary>The lower length limit of a shard id.</summary>
    public const int MinShardId = 28;

    /// <summary>The upper length limit of a shard id.</summary>
    public const int MaxShardId = 65;

    private readonly ValidationErrors _errors = new();

    /// <summary>Gets the request body.</summary>
    public JsonElement Body => body;

    /// <summary>Reads a string member and checks its length (and presence, when required).</summary>
    /// <param name="member">The member name.</param>
    /// <param name="min">The shortest allowed length.</param>
    /// <param name="max">The longest allowed length.</param>
    /// <param name="required">Whether a missing member is an error.</param>
    /// <param name="parent">The element holding the member (default: the body).</param>
    /// <param name="pathPrefix">The path of <paramref name="parent"/> in messages, for example <c>shardFilter.</c>.</param>
    /// <returns>The value, or <see langword="null"/> when absent.</returns>
    public string? String(string member, int min, int max, bool required = false, JsonElement? parent = null, string pathPrefix = "")
    {
        var value = JsonFields.GetString(parent ?? body, member);
        var path = pathPrefix + Camel(member);
        if (value is null)
        {
            if (required)
            {
                _errors.NotNull(path);
            }

            return null;
        }

        if (value.Length < min)
        {
            _errors.Add(value, path, string.Create(CultureInfo.InvariantCulture, $"Member must have length greater than or equal to {min}"));
        }
        else if (value.Length > max)
        {
            _errors.Add(value, path, string.Create(CultureInfo.InvariantCulture, $"Member must have length less than or equal to {max}"));
        }

        return value;
    }

    /// <summary>Reads a string member that must be one of <paramref name="allowed"/>.</summary>
    /// <param name="member">The member name.</param>
    /// <param name="required">Whether a missing member is an error.</param>
    /// <param name="allowed">The allowed values, in the order the service lists them.</param>
    /// <param name="parent">The element holding the member (default: the body).</param>
    /// <param name="pathPrefix">The path of <paramref name="parent"/> in messages, for example <c>shardFilter.</c>.</param>
    /// <returns>The value, or <see langword="null"/> when absent.</returns>
    public string? Enum(string member, bool required, string[] allowed, JsonElement? parent = null, string pathPrefix = "")
    {
        var value = JsonFields.GetString(parent ?? body, member);
        var path = pathPrefix + Camel(member);
        if (value is null && required)
        {
            _errors.NotNull(path);
        }

        _errors.CheckEnum(value, path, allowed);
        return value;
    }

    /// <summary>Reads an optional table name (3 to 255 characters of <c>[a-zA-Z0-9_.-]</c>).</summary>
    /// <param name="member">The member name.</param>
    /// <returns>The name, or <see langword="null"/> when absent.</returns>
    public string? TableName(string member)
    {
        var value = JsonFields.GetString(body, member);
        _errors.CheckName(value, Camel(member), required: false);
        return value;
    }

    /// <summary>Reads <c>Limit</c>: at least 1, at most <paramref name="max"/>.</summary>
    /// <param name="max">The operation's largest page.</param>
    /// <returns>The limit, or <see langword="null"/> when absent.</returns>
    public int? Limit(int max)
    {
        if (!body.TryGetProperty("Limit", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var limit))
        {
            throw DynamoDbErrors.Serialization(element.ValueKind == JsonValueKind.Number
                ? "NUMBER_VALUE cannot be converted to Integer"
                : "STRING_VALUE cannot be converted to Integer");
        }

        var text = limit.ToString(CultureInfo.InvariantCulture);
        if (limit < 1)
        {
            _errors.Add(text, "limit", "Member must have value greater than or equal to 1");
        }
        else if (limit > max)
        {
            _errors.Add(text, "limit", string.Create(CultureInfo.InvariantCulture, $"Member must have value less than or equal to {max}"));
        }

        return limit;
    }

    /// <summary>Returns an object member, when present.</summary>
    /// <param name="member">The member name.</param>
    /// <returns>The object, or <see langword="null"/> when absent.</returns>
    public JsonElement? Object(string member) =>
        JsonFields.TryGetObject(body, member, out var element) ? element : null;

    /// <summary>Throws the collected constraint violations as one <c>ValidationException</c>, if any.</summary>
    public void ThrowIfInvalid() => _errors.ThrowIfAny();

    private static string Camel(string member) => char.ToLowerInvariant(member[0]) + member[1..];
}
