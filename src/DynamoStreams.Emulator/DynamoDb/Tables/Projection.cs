namespace DynamoStreams.Emulator.DynamoDb.Tables;

/// <summary>
/// Describes which attributes a secondary index copies: <c>ALL</c>, <c>KEYS_ONLY</c> or <c>INCLUDE</c>.
/// </summary>
/// <param name="ProjectionType">The projection type.</param>
/// <param name="NonKeyAttributes">The extra attributes of an <c>INCLUDE</c> projection.</param>
internal sealed record Projection(string ProjectionType, IReadOnlyList<string> NonKeyAttributes)
{
    /// <summary>Gets the <c>ALL</c> projection.</summary>
    public static Projection All { get; } = new("ALL", []);
}
