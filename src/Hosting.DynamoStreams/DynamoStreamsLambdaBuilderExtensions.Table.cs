using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Validation;

namespace Aspire.Hosting;

public static partial class DynamoStreamsLambdaBuilderExtensions
{
    /// <summary>
    /// Configures the table the pattern creates (the seed's <c>dynamoTableProps</c>): keys, secondary indexes, stream view
    /// type, time-to-live attribute, billing. Set billing mode and capacities in the same call.
    /// </summary>
    /// <param name="builder">The pattern builder.</param>
    /// <param name="configure">Edits the table options, which start at the seed's defaults.</param>
    /// <returns>The pattern builder.</returns>
    /// <exception cref="DistributedApplicationException">The table is invalid, or an existing table was also given.</exception>
    public static IResourceBuilder<DynamoStreamsLambdaResource> WithTable(
        this IResourceBuilder<DynamoStreamsLambdaResource> builder, Action<DynamoTableOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Resource.TableConfigured = true;
        configure(builder.Resource.Table);
        DynamoStreamsLambdaValidator.Validate(builder.Resource);
        return builder;
    }

    /// <summary>
    /// Consumes a table that exists in AWS (the seed's <c>existingTableInterface</c>) instead of creating one. Local runs
    /// create an empty stand-in table with that name (keys from <see cref="DynamoExistingTable.LocalPartitionKey"/>).
    /// </summary>
    /// <param name="builder">The pattern builder.</param>
    /// <param name="tableNameOrArn">The table's name, or its ARN (<c>arn:aws:dynamodb:…:table/name</c>).</param>
    /// <param name="streamArn">The ARN of the table's stream, which the mapping reads in AWS.</param>
    /// <param name="configure">Optionally edits the reference, for example the local stand-in's keys.</param>
    /// <returns>The pattern builder.</returns>
    /// <exception cref="DistributedApplicationException">The reference is invalid, or table props were also given.</exception>
    public static IResourceBuilder<DynamoStreamsLambdaResource> WithExistingTable(
        this IResourceBuilder<DynamoStreamsLambdaResource> builder, string tableNameOrArn, string streamArn, Action<DynamoExistingTable>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(tableNameOrArn);
        var existing = tableNameOrArn.StartsWith("arn:", StringComparison.Ordinal)
            ? new DynamoExistingTable { TableArn = tableNameOrArn, TableStreamArn = streamArn }
            : new DynamoExistingTable { TableName = tableNameOrArn, TableStreamArn = streamArn };
        configure?.Invoke(existing);
        return SetExistingTable(builder, existing);
    }

    /// <summary>
    /// Consumes the table of another pattern in this AppHost, so that two functions read one stream, each with its own
    /// mapping, checkpoints and dead-letter queue (every mapping on a stream sees every record).
    /// </summary>
    /// <param name="builder">The pattern builder.</param>
    /// <param name="tableOwner">The pattern that creates the table.</param>
    /// <returns>The pattern builder.</returns>
    /// <exception cref="DistributedApplicationException">The owner is this pattern, or table props were also given.</exception>
    public static IResourceBuilder<DynamoStreamsLambdaResource> WithExistingTable(
        this IResourceBuilder<DynamoStreamsLambdaResource> builder, IResourceBuilder<DynamoStreamsLambdaResource> tableOwner)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(tableOwner);
        return SetExistingTable(builder, new DynamoExistingTable { Pattern = tableOwner.Resource });
    }

    private static IResourceBuilder<DynamoStreamsLambdaResource> SetExistingTable(
        IResourceBuilder<DynamoStreamsLambdaResource> builder, DynamoExistingTable existing)
    {
        var pattern = builder.Resource;
        pattern.ExistingTable = existing;
        DynamoStreamsLambdaValidator.Validate(pattern);
        if (existing.Pattern is not null && pattern.TableResource is { } own)
        {
            // The owner's table resource shows the shared table; this pattern keeps only its mapping and queue.
            builder.ApplicationBuilder.Resources.Remove(own);
            pattern.TableResource = null;
        }

        return builder;
    }
}
