namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Lists how a table's throughput is billed (CDK's <c>BillingMode</c>).
/// </summary>
public enum DynamoBillingMode
{
    /// <summary>On demand (the seed's default, <c>PAY_PER_REQUEST</c>).</summary>
    PayPerRequest,

    /// <summary>Provisioned read and write capacity (<c>PROVISIONED</c>).</summary>
    Provisioned,
}
