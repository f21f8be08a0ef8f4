using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions.Legacy;

/// <summary>
/// Applies DynamoDB's rules on mixing expression and legacy parameters in one request, with its exact messages
/// (dynalite / real service).
/// </summary>
internal static class ExpressionParameterRules
{
    /// <summary>
    /// Validates one request's parameter mix: no expression parameter next to a legacy one, names only with
    /// expressions, values only with a value-taking expression.
    /// </summary>
    /// <param name="expressionParameters">The expression parameters the operation accepts, in DynamoDB's order (e.g. UpdateExpression, ConditionExpression).</param>
    /// <param name="legacyParameters">The legacy parameters the operation accepts, in DynamoDB's order (e.g. AttributeUpdates, Expected).</param>
    /// <param name="isPresent">Tells whether the request carries a parameter (non-null).</param>
    /// <exception cref="DynamoValidationException">The mix is not allowed.</exception>
    public static void Validate(IReadOnlyList<string> expressionParameters, IReadOnlyList<string> legacyParameters, Func<string, bool> isPresent)
    {
        ArgumentNullException.ThrowIfNull(expressionParameters);
        ArgumentNullException.ThrowIfNull(legacyParameters);
        ArgumentNullException.ThrowIfNull(isPresent);
        var usedExpressions = expressionParameters.Where(isPresent).ToList();
        if (usedExpressions.Count > 0)
        {
            // KeyConditions may accompany other expressions when KeyConditionExpression itself is absent.
            var usedLegacy = legacyParameters
                .Where(p => isPresent(p) && !(p == "KeyConditions" && !isPresent("KeyConditionExpression")))
                .ToList();
            if (usedLegacy.Count > 0)
            {
                throw new DynamoValidationException(
                    "Can not use both expression and non-expression parameters in the same request: " +
                    $"Non-expression parameters: {{{string.Join(", ", usedLegacy)}}} Expression parameters: {{{string.Join(", ", usedExpressions)}}}");
            }
        }

        if (isPresent("ExpressionAttributeNames") && usedExpressions.Count == 0)
        {
            throw new DynamoValidationException("ExpressionAttributeNames can only be specified when using expressions");
        }

        var valueExpressions = expressionParameters.Where(static p => p != "ProjectionExpression").ToList();
        if (valueExpressions.Count > 0 && isPresent("ExpressionAttributeValues") && !valueExpressions.Any(isPresent))
        {
            throw new DynamoValidationException(
                $"ExpressionAttributeValues can only be specified when using expressions: {string.Join(" and ", valueExpressions)} {(valueExpressions.Count > 1 ? "are" : "is")} null");
        }
    }
}
