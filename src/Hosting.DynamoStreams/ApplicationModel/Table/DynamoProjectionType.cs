namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Lists which attributes a secondary index copies (CDK's <c>ProjectionType</c>).
/// </summary>
public enum DynamoProjectionType
{
    /// <summary>Every attribute (<c>ALL</c>, CDK's default).</summary>
    All,

    /// <summary>Only the table and index keys (<c>KEYS_ONLY</c>).</summary>
    KeysOnly,

    /// <summary>The keys plus <c>NonKeyAttributes</c> (<c>INCLUDE</c>).</summary>
    Include,
}
