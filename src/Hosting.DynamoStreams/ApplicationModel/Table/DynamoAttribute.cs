namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Describes a key attribute of a table or index (CDK's <c>Attribute</c>).
/// </summary>
/// <param name="Name">The attribute name.</param>
/// <param name="Type">The attribute's scalar type.</param>
public sealed record DynamoAttribute(string Name, DynamoAttributeType Type = DynamoAttributeType.String)
{
    /// <summary>Gets the one-letter DynamoDB type code (<c>S</c>, <c>N</c> or <c>B</c>).</summary>
    public string TypeCode => Type switch
    {
        DynamoAttributeType.Number => "N",
        DynamoAttributeType.Binary => "B",
        _ => "S",
    };
}
