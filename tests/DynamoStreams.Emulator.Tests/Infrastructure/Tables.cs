using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace DynamoStreams.Emulator.Tests.Infrastructure;

/// <summary>Creates the tables tests use, with unique names.</summary>
public static class Tables
{
    private static int s_counter;

    public static string UniqueName(string prefix = "t") => $"{prefix}-{Interlocked.Increment(ref s_counter)}-{Guid.NewGuid():N}"[..(prefix.Length + 14)];

    /// <summary>Creates an on-demand table keyed by <c>pk</c> (S) and optionally <c>sk</c> (S or N).</summary>
    public static Task<string> CreateAsync(IAmazonDynamoDB client, string? sortKeyType = null, StreamViewType? stream = null) =>
        CreateWithNameAsync(client, UniqueName(), sortKeyType, stream);

    /// <summary>Creates an on-demand table with the given name.</summary>
    public static async Task<string> CreateWithNameAsync(IAmazonDynamoDB client, string name, string? sortKeyType = null, StreamViewType? stream = null)
    {
        var request = new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        };
        if (sortKeyType is not null)
        {
            request.KeySchema.Add(new KeySchemaElement("sk", KeyType.RANGE));
            request.AttributeDefinitions.Add(new AttributeDefinition("sk", new ScalarAttributeType(sortKeyType)));
        }

        if (stream is not null)
        {
            request.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = stream };
        }

        await client.CreateTableAsync(request);
        return name;
    }
}
