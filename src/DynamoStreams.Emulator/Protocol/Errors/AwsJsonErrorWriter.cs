using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;

namespace DynamoStreams.Emulator.Protocol.Errors;

/// <summary>
/// Writes the plain AWS JSON 1.0 error body <c>{"__type": "...", "message": "..."}</c> plus any extra members.
/// </summary>
internal sealed class AwsJsonErrorWriter : IAwsErrorWriter
{
    /// <summary>Gets the shared instance.</summary>
    public static AwsJsonErrorWriter Instance { get; } = new();

    /// <inheritdoc />
    public void WriteError(AwsServiceException error, IHeaderDictionary headers, Utf8JsonWriter body)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(body);
        body.WriteStartObject();
        body.WriteString("__type"u8, error.WireType);
        if (error.WireMessage is not null)
        {
            // DynamoDB spells the member with a capital M in SerializationException and AccessDeniedException only.
            var name = error.WireType is DynamoDbErrors.SerializationType or AccessDeniedError.WireType ? "Message"u8 : "message"u8;
            body.WriteString(name, error.WireMessage);
        }

        error.WriteExtraMembers(body);
        body.WriteEndObject();
    }
}
