namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Holds the payload limits Lambda enforces, which only the host applies (the wire names are in
/// <c>DynamoStreams.Contracts.RuntimeApi</c>).
/// </summary>
internal static class RuntimeApiLimits
{
    /// <summary>The largest response or error body a runtime may post: 6 MB plus 100 bytes, as Lambda enforces.</summary>
    public const int MaximumResponseBytes = 6_291_556;

    /// <summary>The largest synchronous request payload Lambda accepts (6 MB).</summary>
    public const int MaximumRequestBytes = 6_291_456;
}
