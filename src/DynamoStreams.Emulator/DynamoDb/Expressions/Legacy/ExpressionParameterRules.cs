using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions.Legacy;

/// <summary>
/// Applies DynamoDB's rules on mixing expression and legacy parameters in one request, with its exact messages
/// (observed: dynalite suite query.js / scan.js, "if all expressions and non-expression" and
/// "if ExpressionAttributeValues but no expressions").
/// </summary>
internal static class ExpressionParameterRules
{
    /// <summary>
    /// Validates one request's parameter mix: no expression parameter next to a legacy one, names only with
    /// expressions, values only with a value-taking expression. Presence is read from a state, so no closure is allocated.
    /// </summary>
    /// <typeparam name="TState">What <paramref name="isPresent"/> reads, for example the request body.</typeparam>
    /// <param name="expressionParameters">The expression parameters the operation accepts, in DynamoDB's order.</param>
    /// <param name="legacyParameters">The legacy parameters the operation accepts, in DynamoDB's order.</param>
    /// <param name="state">The state passed to <paramref name="isPresent"/>.</param>
    /// <param name="isPresent">Tells whether the request carries a parameter (non-null).</param>
    /// <exception cref="DynamoValidationException">The mix is not allowed.</exception>
    public static void Validate<TState>(IReadOnlyList<string> expressionParameters, IReadOnlyList<string> legacyParameters, TState state, Func<TState, string, bool> isPresent)
    {
        ArgumentNullException.ThrowIfNull(expressionParameters);
        ArgumentNullException.ThrowIfNull(legacyParameters);
        ArgumentNullException.ThrowIfNull(isPresent);

        // Counted before anything is collected: a valid request allocates nothing here.
        var expressionCount = Count(expressionParameters, state, isPresent);
        if (expressionCount > 0 && AnyLegacyInUse(legacyParameters, state, isPresent))
        {
            throw Mixed(expressionParameters, legacyParameters, state, isPresent);
        }

        if (expressionCount == 0 && isPresent(state, "ExpressionAttributeNames"))
        {
            throw new DynamoValidationException("ExpressionAttributeNames can only be specified when using expressions");
        }

        if (!isPresent(state, "ExpressionAttributeValues"))
        {
            return;
        }

        // ProjectionExpression takes no values: values need one of the other expressions.
        var takesValues = 0;
        for (var i = 0; i < expressionParameters.Count; i++)
        {
            if (expressionParameters[i] != "ProjectionExpression")
            {
                if (isPresent(state, expressionParameters[i]))
                {
                    return;
                }

                takesValues++;
            }
        }

        if (takesValues > 0)
        {
            var valueExpressions = expressionParameters.Where(static p => p != "ProjectionExpression");
            throw new DynamoValidationException(
                $"ExpressionAttributeValues can only be specified when using expressions: {string.Join(" and ", valueExpressions)} {(takesValues > 1 ? "are" : "is")} null");
        }
    }

    private static DynamoValidationException Mixed<TState>(IReadOnlyList<string> expressionParameters, IReadOnlyList<string> legacyParameters, TState state, Func<TState, string, bool> isPresent) =>
        new("Can not use both expression and non-expression parameters in the same request: " +
            $"Non-expression parameters: {{{string.Join(", ", legacyParameters.Where(p => IsLegacyInUse(p, state, isPresent)))}}} " +
            $"Expression parameters: {{{string.Join(", ", expressionParameters.Where(p => isPresent(state, p)))}}}");

    private static bool AnyLegacyInUse<TState>(IReadOnlyList<string> legacyParameters, TState state, Func<TState, string, bool> isPresent)
    {
        for (var i = 0; i < legacyParameters.Count; i++)
        {
            if (IsLegacyInUse(legacyParameters[i], state, isPresent))
            {
                return true;
            }
        }

        return false;
    }

    // KeyConditions may accompany FilterExpression or ProjectionExpression; only KeyConditionExpression excludes it.
    private static bool IsLegacyInUse<TState>(string parameter, TState state, Func<TState, string, bool> isPresent) =>
        isPresent(state, parameter) && !(parameter == "KeyConditions" && !isPresent(state, "KeyConditionExpression"));

    private static int Count<TState>(IReadOnlyList<string> parameters, TState state, Func<TState, string, bool> isPresent)
    {
        var count = 0;
        for (var i = 0; i < parameters.Count; i++)
        {
            if (isPresent(state, parameters[i]))
            {
                count++;
            }
        }

        return count;
    }
}
