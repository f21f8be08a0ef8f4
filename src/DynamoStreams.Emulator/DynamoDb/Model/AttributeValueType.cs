namespace DynamoStreams.Emulator.DynamoDb.Model;

/// <summary>Lists DynamoDB's attribute value types, named by their wire type keys.</summary>
internal enum AttributeValueType : byte
{
    /// <summary>A string (<c>S</c>).</summary>
    S,

    /// <summary>A number (<c>N</c>).</summary>
    N,

    /// <summary>A binary value (<c>B</c>, base64 on the wire).</summary>
    B,

    /// <summary>A string set (<c>SS</c>).</summary>
    SS,

    /// <summary>A number set (<c>NS</c>).</summary>
    NS,

    /// <summary>A binary set (<c>BS</c>).</summary>
    BS,

    /// <summary>A map of names to values (<c>M</c>).</summary>
    M,

    /// <summary>A list of values (<c>L</c>).</summary>
    L,

    /// <summary>The null value (<c>NULL: true</c>).</summary>
    NULL,

    /// <summary>A boolean (<c>BOOL</c>).</summary>
    BOOL,
}
