using System.Collections.Immutable;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Dashboard;

/// <summary>
/// Builds the snapshots the dashboard shows before and while a local run publishes state.
/// </summary>
internal static class ResourceSnapshots
{
    /// <summary>
    /// Creates the initial snapshot of a resource that no orchestrator runs.
    /// </summary>
    /// <param name="resourceType">The resource type shown in the dashboard.</param>
    /// <param name="properties">The properties to show.</param>
    /// <returns>The snapshot.</returns>
    public static CustomResourceSnapshot Initial(string resourceType, IEnumerable<ResourcePropertySnapshot> properties) => new()
    {
        ResourceType = resourceType,
        State = KnownResourceStates.NotStarted,
        Properties = [.. properties],
    };

    /// <summary>
    /// Lists the declared settings a user wants to see on the pattern.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The properties.</returns>
    public static IEnumerable<ResourcePropertySnapshot> DeclarationProperties(DynamoStreamsLambdaResource pattern)
    {
        var handler = pattern.Handler;
        yield return new("dynamostreams.handler", handler.Kind switch
        {
            LambdaHandlerKind.Project => $"{handler.Handler} (.NET, {handler.Runtime})",
            LambdaHandlerKind.NodeCode => $"{handler.Handler} ({handler.Runtime}, {handler.CodePath})",
            _ => handler.FunctionNameOrArn,
        });
    }

    /// <summary>
    /// Replaces or adds properties in a snapshot.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="values">The property names and values.</param>
    /// <returns>The updated property list.</returns>
    public static ImmutableArray<ResourcePropertySnapshot> With(CustomResourceSnapshot snapshot, params (string Name, object? Value)[] values)
    {
        var properties = snapshot.Properties;
        foreach (var (name, value) in values)
        {
            var index = properties.IndexOf(properties.FirstOrDefault(p => p.Name == name)!);
            var property = new ResourcePropertySnapshot(name, value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value);
            properties = index >= 0 && properties.Any(p => p.Name == name) ? properties.SetItem(index, property) : properties.Add(property);
        }

        return properties;
    }
}
