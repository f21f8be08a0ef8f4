namespace DynamoStreams.Emulator.DynamoDb.Expressions;

/// <summary>Names the request parameter an expression came from; DynamoDB prefixes its errors with it.</summary>
internal enum ExpressionKind
{
    /// <summary><c>ConditionExpression</c>.</summary>
    Condition,

    /// <summary><c>FilterExpression</c>.</summary>
    Filter,

    /// <summary><c>KeyConditionExpression</c>.</summary>
    KeyCondition,

    /// <summary><c>ProjectionExpression</c>.</summary>
    Projection,

    /// <summary><c>UpdateExpression</c>.</summary>
    Update,
}
