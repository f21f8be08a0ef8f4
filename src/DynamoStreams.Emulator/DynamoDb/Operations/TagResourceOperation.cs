using System.Text.Json;
using DynamoStreams.Emulator.DynamoDb.Errors;
using DynamoStreams.Emulator.DynamoDb.Operations.Tables;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.DynamoDb.Operations;

/// <summary>Implements TagResource (at most 50 tags per table).</summary>
internal sealed class TagResourceOperation : DynamoDbOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="context">The shared context.</param>
    public TagResourceOperation(DynamoDbContext context)
        : base("TagResource", context)
    {
    }

    /// <inheritdoc />
    protected override void Execute(AwsRequest request, Utf8JsonWriter response)
    {
        var arn = TaggedTables.ReadArn(request, "TagResource");
        if (!JsonFields.TryGetArray(request.Body, "Tags", out _))
        {
            var errors = new ValidationErrors();
            errors.NotNull("tags");
            errors.ThrowIfAny();
        }

        var tags = TagReader.Read(request.Body, "Tags");
        TaggedTables.ParseTableArn(arn);
        if (tags.Count == 0)
        {
            throw DynamoDbErrors.Validation("Atleast one Tag needs to be provided as Input.");
        }

        var table = TaggedTables.Find(Context, request.Region, arn, TaggedTables.NotFoundMessage(arn));
        Context.Store.UpdateTags(table, current =>
        {
            foreach (var (key, value) in tags)
            {
                current[key] = value;
            }

            if (current.Count > 50)
            {
                throw DynamoDbErrors.Validation("One or more parameter values were invalid: Too many tags: the maximum is 50.");
            }
        });

        // No output shape: like DynamoDB, answer with an empty body (the SDK checks x-amz-crc32 against what it reads).
    }
}
