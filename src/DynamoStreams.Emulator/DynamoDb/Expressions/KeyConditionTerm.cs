using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions;

/// <summary>One test on one key attribute, taken from a key condition before it is checked against the schema.</summary>
/// <param name="AttributeName">The key attribute.</param>
/// <param name="Operator">The test.</param>
/// <param name="Values">One value, or two for BETWEEN.</param>
internal sealed record KeyConditionTerm(string AttributeName, KeyConditionOperator Operator, AttributeValue[] Values);
