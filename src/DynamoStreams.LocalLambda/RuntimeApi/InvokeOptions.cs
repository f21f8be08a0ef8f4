using System.Diagnostics;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Carries optional per-invocation settings for <see cref="LambdaRuntimeApiHost.InvokeAsync"/>.
/// </summary>
public sealed class InvokeOptions
{
    /// <summary>
    /// Gets the trace context the invocation continues (for example the ESM's poll span). When absent the invocation
    /// activity continues <see cref="Activity.Current"/>, or starts a new trace.
    /// </summary>
    public ActivityContext? ParentContext { get; init; }

    /// <summary>Gets links added to the invocation activity (for example the trace contexts of the writes whose records are delivered).</summary>
    public IReadOnlyList<ActivityLink>? Links { get; init; }

    /// <summary>Gets the value of the <c>faas.trigger</c> tag of the invocation activity. Defaults to <c>datasource</c>.</summary>
    public string Trigger { get; init; } = "datasource";

    /// <summary>Gets the JSON sent as <c>Lambda-Runtime-Client-Context</c>, or <see langword="null"/> to omit the header.</summary>
    public string? ClientContext { get; init; }

    /// <summary>Gets the JSON sent as <c>Lambda-Runtime-Cognito-Identity</c>, or <see langword="null"/> to omit the header.</summary>
    public string? CognitoIdentity { get; init; }
}
