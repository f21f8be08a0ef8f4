using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>Implements ListTagsOfResource (all tags in one page, sorted by key).</summary>
internal sealed class ListTagsOfResourceOperation : DynamoDbOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public ListTagsOfResourceOperation(DynamoDbContext context)
        : base("ListTagsOfResource", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var arn = TaggedTables.ReadArn(request, "ListTagsOfResource");
        var table = TaggedTables.Find(Context, request.Region, arn, TaggedTables.NotFoundMessage(arn));
        KeyValuePair<string, string>[] tags;
        lock (table.SyncRoot)
        {
            tags = table.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).ToArray();
        }

        response.WriteStartObject();
        response.WriteStartArray("Tags");
        foreach (var (key, value) in tags)
        {
            response.WriteStartObject();
            response.WriteString("Key", key);
            response.WriteString("Value", value);
            response.WriteEndObject();
        }

        response.WriteEndArray();
        response.WriteEndObject();
    }
}
