using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>Implements UntagResource.</summary>
internal sealed class UntagResourceOperation : DynamoDbOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public UntagResourceOperation(DynamoDbContext context)
        : base("UntagResource", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var arn = TaggedTables.ReadArn(request, "UntagResource");
        var keys = JsonFields.GetStringList(request.Body, "TagKeys");
        if (keys is null)
        {
            var errors = new ValidationErrors();
            errors.NotNull("tagKeys");
            errors.ThrowIfAny();
        }

        TaggedTables.ParseTableArn(arn);
        if (keys!.Count == 0)
        {
            throw DynamoDbErrors.Validation("Atleast one Tag Key needs to be provided as Input.");
        }

        // Unlike its siblings, UntagResource names nothing in its not-found text.
        var table = TaggedTables.Find(Context, request.Region, arn, "Requested resource not found");
        Context.Store.UpdateTags(table, current =>
        {
            foreach (var key in keys!)
            {
                current.Remove(key);
            }
        });

        // No output shape: like DynamoDB, answer with an empty body (the SDK checks x-amz-crc32 against what it reads).
    }
}
