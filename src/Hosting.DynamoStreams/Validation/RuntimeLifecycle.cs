namespace Aspire.Hosting.DynamoStreams.Validation;

/// <summary>
/// Lambda's deprecation dates for the runtimes a declaration may still name, as AWS publishes them (and cfn-lint's
/// W2531 lifecycle table holds them): after <c>Deprecated</c> AWS stops patching the runtime, after
/// <c>CreateBlocked</c> no function can be created with it.
/// </summary>
internal static class RuntimeLifecycle
{
    private static readonly Dictionary<string, (DateOnly Deprecated, DateOnly CreateBlocked, string Successor)> s_dates = new(StringComparer.Ordinal)
    {
        ["dotnet8"] = (new DateOnly(2026, 11, 10), new DateOnly(2026, 12, 10), "dotnet10"),
        ["nodejs20.x"] = (new DateOnly(2026, 4, 30), new DateOnly(2026, 6, 1), "nodejs24.x"),
        ["nodejs18.x"] = (new DateOnly(2025, 9, 1), new DateOnly(2026, 6, 1), "nodejs24.x"),
    };

    /// <summary>Formats the warning for a pattern whose handler names a deprecated runtime, or null when it does not.</summary>
    /// <param name="patternName">The pattern's name.</param>
    /// <param name="runtime">The handler's Lambda runtime identifier.</param>
    /// <returns>The warning text, naming the dates and the successor, or null.</returns>
    public static string? Warning(string patternName, string? runtime)
    {
        if (runtime is null || !s_dates.TryGetValue(runtime, out var dates))
        {
            return null;
        }

        return $"DynamoStreams pattern '{patternName}': the Lambda runtime '{runtime}' is deprecated by AWS on {dates.Deprecated:yyyy-MM-dd} " +
            $"and creating a function with it is blocked from {dates.CreateBlocked:yyyy-MM-dd}: use '{dates.Successor}'.";
    }
}
