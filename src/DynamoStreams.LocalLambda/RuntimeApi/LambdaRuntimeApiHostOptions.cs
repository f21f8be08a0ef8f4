namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Configures a <see cref="LambdaRuntimeApiHost"/>.
/// </summary>
public sealed class LambdaRuntimeApiHostOptions
{
    /// <summary>Gets the loopback port to listen on; 0 (the default) picks a free port, see <see cref="LambdaRuntimeApiHost.Endpoint"/>.</summary>
    public int Port { get; init; }

    /// <summary>Gets the clock for deadlines, timeouts and throttles. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
