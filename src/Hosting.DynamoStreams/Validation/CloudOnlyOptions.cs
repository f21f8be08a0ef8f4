using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Validation;

/// <summary>
/// Finds the options of a declaration that only AWS can honour, so a local run can say once, clearly, that they are
/// ignored there (every other option changes what the local run does).
/// </summary>
internal static class CloudOnlyOptions
{
    /// <summary>
    /// Lists the cloud-only options the declaration sets to something other than the default, as the user wrote them.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>One entry per option, for example <c>Function.Architecture = Arm64</c>; empty when none is set.</returns>
    public static IReadOnlyList<string> Find(DynamoStreamsLambdaResource pattern)
    {
        var found = new List<string>();
        var f = pattern.Function;
        if (f.Description is not null)
        {
            found.Add("Function.Description");
        }

        if (f.Architecture != LambdaArchitecture.X86_64)
        {
            found.Add($"Function.Architecture = {f.Architecture}");
        }

        if (!f.Tracing)
        {
            found.Add("Function.Tracing = false (X-Ray)");
        }

        if (pattern.ExistingTable is null)
        {
            var t = pattern.Table;
            if (t.ReadCapacity is not null || t.WriteCapacity is not null)
            {
                found.Add("Table.ReadCapacity/WriteCapacity (the emulator does not throttle)");
            }

            if (!t.PointInTimeRecovery)
            {
                found.Add("Table.PointInTimeRecovery = false");
            }

            if (t.RemovalPolicy != DynamoRemovalPolicy.Retain)
            {
                found.Add($"Table.RemovalPolicy = {t.RemovalPolicy}");
            }

            if (t.DeletionProtection is not null)
            {
                found.Add($"Table.DeletionProtection = {t.DeletionProtection.Value.ToString().ToLowerInvariant()}");
            }
        }
        else if (pattern.ExistingTable.Pattern is null)
        {
            found.Add($"WithExistingTable(\"{pattern.ExistingTable.TableName ?? pattern.ExistingTable.TableArn}\") (the table lives in AWS; the local run reads an empty stand-in)");
        }

        if (pattern.EventSource.MetricsConfig.Count > 0)
        {
            found.Add($"EventSource.MetricsConfig = [{string.Join(", ", pattern.EventSource.MetricsConfig)}] (the dashboard shows the mapping's counters instead)");
        }

        return found;
    }

    /// <summary>
    /// Formats the one warning a local run logs for a pattern, or null when it sets no cloud-only option.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The warning text, or null.</returns>
    public static string? Warning(DynamoStreamsLambdaResource pattern)
    {
        var found = Find(pattern);
        return found.Count == 0
            ? null
            : $"DynamoStreams pattern '{pattern.Name}': cloud-only, no effect in this local run (applied when the AppHost is published or deployed to AWS): {string.Join("; ", found)}.";
    }
}
