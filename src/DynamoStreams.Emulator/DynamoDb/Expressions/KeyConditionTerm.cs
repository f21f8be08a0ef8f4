using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions;

/// <summary>One test on one key attribute, taken from a key condition before it is checked against the schema.</summary>
/// <param name="AttributeName">The key attribute.</param>
/// <param name="Operator">
/// The test, or <see langword="null"/> for a legacy <c>KeyConditions</c> operator no index can serve (NULL, NE, IN,
/// CONTAINS ...): DynamoDB rejects it only after the table's key schema is known.
/// </param>
/// <param name="Values">One value, or two for BETWEEN (none for a non-indexable legacy operator).</param>
internal sealed record KeyConditionTerm(string AttributeName, KeyConditionOperator? Operator, AttributeValue[] Values);
