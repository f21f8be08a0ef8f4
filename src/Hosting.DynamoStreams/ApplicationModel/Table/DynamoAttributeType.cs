namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Lists the scalar types a DynamoDB key attribute can have (CDK's <c>AttributeType</c>).
/// </summary>
public enum DynamoAttributeType
{
    /// <summary>A string (<c>S</c>).</summary>
    String,

    /// <summary>A number (<c>N</c>).</summary>
    Number,

    /// <summary>Binary data (<c>B</c>).</summary>
    Binary,
}
