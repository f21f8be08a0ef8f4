namespace DynamoStreams.Contracts.DynamoDb;

/// <summary>Names DynamoDB's <c>BillingMode</c> values as the API (and CDK's enum members) spell them.</summary>
public static class BillingModes
{
    /// <summary>On demand.</summary>
    public const string PayPerRequest = "PAY_PER_REQUEST";

    /// <summary>Provisioned read and write capacity.</summary>
    public const string Provisioned = "PROVISIONED";

    /// <summary>Gets every billing mode, in the order DynamoDB lists them in its validation messages.</summary>
    public static IReadOnlyList<string> All { get; } = [Provisioned, PayPerRequest];
}
