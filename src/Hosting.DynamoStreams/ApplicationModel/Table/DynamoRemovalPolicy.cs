namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Lists what happens to the table when its stack is deleted (CDK's <c>RemovalPolicy</c>). Cloud-only.
/// </summary>
public enum DynamoRemovalPolicy
{
    /// <summary>Keep the table (the seed's default).</summary>
    Retain,

    /// <summary>Delete the table with the stack.</summary>
    Destroy,

    /// <summary>Take a snapshot, then delete.</summary>
    Snapshot,
}
