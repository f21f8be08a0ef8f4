using Amazon.DynamoDBv2.Model;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Seeding;
using Aspire.Hosting.DynamoStreams.Validation;

namespace Aspire.Hosting;

public static partial class DynamoStreamsLambdaBuilderExtensions
{
    /// <summary>
    /// Writes items into the table when a local run creates it (once: a table kept in a data directory is not seeded
    /// again). Local-only.
    /// </summary>
    /// <param name="builder">The pattern builder.</param>
    /// <param name="items">The items, each with the table's key attributes.</param>
    /// <param name="produceStreamRecords">True (the default, as any write in DynamoDB) lets the function receive the seed
    /// through the stream; false writes it before the stream is enabled, so the function sees only later changes.</param>
    /// <returns>The pattern builder.</returns>
    /// <exception cref="DistributedApplicationException">An item lacks a key attribute, the table belongs to another pattern, or an earlier seed call chose the other <paramref name="produceStreamRecords"/>.</exception>
    public static IResourceBuilder<DynamoStreamsLambdaResource> WithSeedData(
        this IResourceBuilder<DynamoStreamsLambdaResource> builder, IEnumerable<IReadOnlyDictionary<string, AttributeValue>> items, bool produceStreamRecords = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(items);
        var seed = SeedFor(builder.Resource, produceStreamRecords);
        var index = seed.Items.Count(i => i.Source.StartsWith("code item", StringComparison.Ordinal));
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item);
            seed.Items.Add(new DynamoSeedItem(item, $"code item #{++index}"));
        }

        DynamoStreamsLambdaValidator.Validate(builder.Resource);
        return builder;
    }

    /// <summary>
    /// Writes the items of a DynamoDB JSON file into the table when a local run creates it (once: a table kept in a data
    /// directory is not seeded again). Local-only. The file holds an array of items (<c>[{"id":{"S":"1"}}]</c>), the output
    /// of <c>aws dynamodb scan</c>, or a <c>batch-write-item</c> request file; it is read when the AppHost is built.
    /// </summary>
    /// <param name="builder">The pattern builder.</param>
    /// <param name="path">The file; relative paths are relative to the AppHost's directory.</param>
    /// <param name="produceStreamRecords">True (the default) lets the function receive the seed through the stream; false
    /// writes it before the stream is enabled.</param>
    /// <returns>The pattern builder.</returns>
    /// <exception cref="DistributedApplicationException">The file is missing or malformed (the message gives the JSON path), an item lacks a key attribute, or the seed conflicts with the declaration.</exception>
    public static IResourceBuilder<DynamoStreamsLambdaResource> WithSeedDataFile(
        this IResourceBuilder<DynamoStreamsLambdaResource> builder, string path, bool produceStreamRecords = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var pattern = builder.Resource;
        var full = Path.GetFullPath(Path.Combine(builder.ApplicationBuilder.AppHostDirectory, path));
        if (!File.Exists(full))
        {
            throw DynamoStreamsLambdaValidator.Fail(pattern,
                $"WithSeedDataFile(\"{path}\"): the file '{full}' does not exist. Paths are relative to the AppHost's directory ({builder.ApplicationBuilder.AppHostDirectory}).");
        }

        IReadOnlyList<(Dictionary<string, AttributeValue> Item, string Path)> items;
        try
        {
            items = DynamoJsonReader.Parse(File.ReadAllText(full), Path.GetFileName(full));
        }
        catch (FormatException ex)
        {
            throw DynamoStreamsLambdaValidator.Fail(pattern, $"WithSeedDataFile(\"{path}\"): {ex.Message}");
        }

        var seed = SeedFor(pattern, produceStreamRecords);
        foreach (var (item, at) in items)
        {
            seed.Items.Add(new DynamoSeedItem(item, $"{Path.GetFileName(full)} {at}"));
        }

        DynamoStreamsLambdaValidator.Validate(pattern);
        return builder;
    }

    private static DynamoSeedData SeedFor(DynamoStreamsLambdaResource pattern, bool produceStreamRecords)
    {
        if (pattern.SeedData is { } existing)
        {
            if (existing.ProduceStreamRecords != produceStreamRecords)
            {
                throw DynamoStreamsLambdaValidator.Fail(pattern,
                    $"a seed call passed produceStreamRecords: {(produceStreamRecords ? "true" : "false")} after another passed {(existing.ProduceStreamRecords ? "true" : "false")}: "
                    + "the seed is written in one go, either through the stream or before it; pass the same value to every WithSeedData/WithSeedDataFile call.");
            }

            return existing;
        }

        pattern.SeedData = new DynamoSeedData { ProduceStreamRecords = produceStreamRecords };
        return pattern.SeedData;
    }
}
