using DynamoStreams.Emulator.DynamoDb.Expressions.Ast;
using DynamoStreams.Emulator.DynamoDb.Expressions.Legacy;
using DynamoStreams.Emulator.DynamoDb.Expressions.Syntax;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions;

/// <summary>
/// A Query key condition reduced to what storage needs: the partition key value and at most one sort-key test,
/// checked against the table's (or index's) key schema with DynamoDB's messages.
/// </summary>
internal sealed class KeyCondition
{
    private KeyCondition(KeySchemaAttribute partitionKey, AttributeValue partitionValue, KeySchemaAttribute? sortKey, KeyConditionTerm? sortTerm)
    {
        PartitionKeyName = partitionKey.Name;
        PartitionKeyValue = partitionValue;
        if (sortTerm is not null)
        {
            SortKeyName = sortKey!.Name;
            SortOperator = sortTerm.Operator!.Value;
            SortValue = sortTerm.Values[0];
            SortUpperValue = sortTerm.Values.Length > 1 ? sortTerm.Values[1] : null;
        }
    }

    /// <summary>Gets the partition key attribute name.</summary>
    public string PartitionKeyName { get; }

    /// <summary>Gets the partition key value to match exactly.</summary>
    public AttributeValue PartitionKeyValue { get; }

    /// <summary>Gets the sort key attribute name when the condition tests it, else null.</summary>
    public string? SortKeyName { get; }

    /// <summary>Gets the sort-key test, or null when only the partition is selected.</summary>
    public KeyConditionOperator? SortOperator { get; }

    /// <summary>Gets the sort-key operand (the lower bound for BETWEEN), or null.</summary>
    public AttributeValue? SortValue { get; }

    /// <summary>Gets the upper bound for BETWEEN, or null.</summary>
    public AttributeValue? SortUpperValue { get; }

    /// <summary>Parses a KeyConditionExpression and checks it against a key schema (all phases at once).</summary>
    /// <param name="text">The expression text.</param>
    /// <param name="context">The request's placeholder context.</param>
    /// <param name="partitionKey">The partition key of the table or queried index.</param>
    /// <param name="sortKey">The sort key, or null.</param>
    /// <returns>The key condition.</returns>
    /// <exception cref="DynamoValidationException">The expression is invalid or does not fit the schema.</exception>
    public static KeyCondition Parse(string text, ExpressionContext context, KeySchemaAttribute partitionKey, KeySchemaAttribute? sortKey) =>
        Bind(ToTerms(ParseSyntax(text, context)), partitionKey, sortKey);

    /// <summary>
    /// Parses a KeyConditionExpression as a condition: its syntax, functions and operand types. DynamoDB reports
    /// these before it parses the request's other expressions; <see cref="ToTerms"/> checks the key-condition
    /// shape after them.
    /// </summary>
    /// <param name="text">The expression text.</param>
    /// <param name="context">The request's placeholder context.</param>
    /// <returns>The parsed condition.</returns>
    /// <exception cref="DynamoValidationException">The expression is invalid.</exception>
    public static ConditionNode ParseSyntax(string text, ExpressionContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        return ConditionParser.Parse(text, ExpressionKind.KeyCondition, context);
    }

    /// <summary>
    /// Reduces a parsed KeyConditionExpression to its terms: only comparisons, BETWEEN and begins_with joined by
    /// AND, each on one top-level attribute, one per attribute, one or two in all.
    /// </summary>
    /// <param name="root">The parsed expression.</param>
    /// <returns>The terms, in the expression's order.</returns>
    /// <exception cref="DynamoValidationException">The expression is not a key condition.</exception>
    public static List<KeyConditionTerm> ToTerms(ConditionNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var terms = new List<KeyConditionTerm>(2);
        Flatten(root, terms);
        CheckTermCount(terms.Count);
        return terms;
    }

    /// <summary>Throws DynamoDB's error for a key condition with no or more than two terms.</summary>
    /// <param name="count">The number of terms.</param>
    /// <exception cref="DynamoValidationException">The count is not 1 or 2.</exception>
    public static void CheckTermCount(int count)
    {
        if (count is < 1 or > 2)
        {
            throw new DynamoValidationException("Conditions can be of length 1 or 2 only");
        }
    }

    /// <summary>Determines whether a sort key value passes the sort-key test (true when there is none).</summary>
    /// <param name="sortValue">The item's sort key value.</param>
    /// <returns>True when it passes.</returns>
    public bool MatchesSortKey(AttributeValue? sortValue)
    {
        if (SortOperator is null)
        {
            return true;
        }

        var order = ValueSemantics.CompareOrdered(sortValue, SortValue);
        return SortOperator switch
        {
            KeyConditionOperator.Equal => order == 0,
            KeyConditionOperator.Less => order < 0,
            KeyConditionOperator.LessOrEqual => order <= 0,
            KeyConditionOperator.Greater => order > 0,
            KeyConditionOperator.GreaterOrEqual => order >= 0,
            KeyConditionOperator.Between => order >= 0 && ValueSemantics.CompareOrdered(sortValue, SortUpperValue) <= 0,
            _ => ValueSemantics.BeginsWith(sortValue, SortValue),
        };
    }

    /// <summary>Determines whether an item has the partition key value and passes the sort-key test.</summary>
    /// <param name="item">The item.</param>
    /// <returns>True when it matches.</returns>
    public bool Matches(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.TryGetValue(PartitionKeyName, out var partition) && partition.Equals(PartitionKeyValue)
            && (SortKeyName is null || MatchesSortKey(item.GetValueOrDefault(SortKeyName)));
    }

    /// <summary>
    /// Checks key-condition terms against the key schema of what is queried, in DynamoDB's order: the key
    /// attributes named, then legacy operators no index serves, then value types, then equality on the partition key.
    /// </summary>
    /// <param name="terms">The terms (one or two).</param>
    /// <param name="partitionKey">The partition key of the table or queried index.</param>
    /// <param name="sortKey">The sort key, or null.</param>
    /// <returns>The key condition.</returns>
    /// <exception cref="DynamoValidationException">The terms do not fit the schema.</exception>
    public static KeyCondition Bind(IReadOnlyList<KeyConditionTerm> terms, KeySchemaAttribute partitionKey, KeySchemaAttribute? sortKey)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(partitionKey);
        if (terms.Count > 1 && sortKey is null)
        {
            throw NotSupported();
        }

        KeyConditionTerm? partition = null;
        KeyConditionTerm? sort = null;
        foreach (var term in terms)
        {
            if (partition is null && term.AttributeName == partitionKey.Name)
            {
                partition = term;
            }
            else
            {
                sort = term;
            }
        }

        if (partition is null)
        {
            throw new DynamoValidationException($"Query condition missed key schema element: {partitionKey.Name}");
        }

        if (sort is not null && sort.AttributeName != sortKey!.Name)
        {
            throw new DynamoValidationException($"Query condition missed key schema element: {sortKey.Name}");
        }

        if (partition.Operator is null || (sort is not null && sort.Operator is null))
        {
            throw new DynamoValidationException(LegacyMessages.NotIndexable);
        }

        CheckTypes(partition, partitionKey);
        if (sort is not null)
        {
            CheckTypes(sort, sortKey!);
        }

        if (partition.Operator != KeyConditionOperator.Equal)
        {
            throw NotSupported();
        }

        return new KeyCondition(partitionKey, partition.Values[0], sortKey, sort);
    }

    private static void CheckTypes(KeyConditionTerm term, KeySchemaAttribute key)
    {
        foreach (var value in term.Values)
        {
            if (value.Type != key.Type)
            {
                throw new DynamoValidationException("One or more parameter values were invalid: Condition parameter type does not match schema type");
            }
        }

        if (term.Operator == KeyConditionOperator.BeginsWith && key.Type == AttributeValueType.N)
        {
            throw new DynamoValidationException("Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        }
    }

    private static void Flatten(ConditionNode node, List<KeyConditionTerm> terms)
    {
        switch (node)
        {
            case AndNode and:
                Flatten(and.Left, terms);
                Flatten(and.Right, terms);
                return;
            case OrNode:
                throw Unsupported("OR");
            case NotNode:
                throw Unsupported("NOT");
            case InNode:
                throw Unsupported("IN");
            case CompareNode { Operator: ComparisonOperator.NotEqual }:
                throw Unsupported("<>");
            case ExistsNode exists:
                throw Unsupported(exists.MustExist ? "attribute_exists" : "attribute_not_exists");
            case AttributeTypeNode:
                throw Unsupported("attribute_type");
            case ContainsNode:
                throw Unsupported("contains");
            case CompareNode compare:
                AddTerm(terms, compare.Left, compare.Right, ToKeyOperator(compare.Operator), null);
                return;
            case BetweenNode between:
                RequireKeyFirst(between.Subject, "BETWEEN");
                AddTerm(terms, between.Subject, between.Lower, KeyConditionOperator.Between, between.Upper);
                return;
            case BeginsWithNode begins:
                RequireKeyFirst(begins.Subject, "begins_with");
                AddTerm(terms, begins.Subject, begins.Prefix, KeyConditionOperator.BeginsWith, null);
                return;
            default:
                throw new DynamoValidationException("Invalid condition in KeyConditionExpression: No key attribute specified");
        }
    }

    private static void AddTerm(List<KeyConditionTerm> terms, Operand first, Operand second, KeyConditionOperator op, Operand? third)
    {
        // Operands are checked left to right, so the first fault in the condition decides the message
        // (observed: dynalite suite query.js "nested operations", "multiple attribute names", "nested attributes").
        var operands = third is null ? new[] { first, second } : [first, second, third];
        PathOperand? key = null;
        var keyIndex = 0;
        for (var i = 0; i < operands.Length; i++)
        {
            if (operands[i] is SizeOperand)
            {
                throw new DynamoValidationException("KeyConditionExpressions cannot contain nested operations");
            }

            if (operands[i] is PathOperand path)
            {
                if (key is not null)
                {
                    throw new DynamoValidationException("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
                }

                if (path.Path.Count > 1)
                {
                    throw new DynamoValidationException("KeyConditionExpressions cannot have conditions on nested attributes");
                }

                key = path;
                keyIndex = i;
            }
        }

        if (key is null)
        {
            throw new DynamoValidationException("Invalid condition in KeyConditionExpression: No key attribute specified");
        }

        if (terms.Exists(t => t.AttributeName == key.Path.Root))
        {
            throw new DynamoValidationException("KeyConditionExpressions must only contain one condition per key");
        }

        var values = operands.Where((_, i) => i != keyIndex).Select(static o => ((ValueOperand)o).Value).ToArray();
        terms.Add(new KeyConditionTerm(key.Path.Root, keyIndex == 0 ? op : Flip(op), values));
    }

    private static void RequireKeyFirst(Operand subject, string name)
    {
        if (subject is not PathOperand)
        {
            throw new DynamoValidationException($"Invalid condition in KeyConditionExpression: {name} operator must have the key attribute as its first operand");
        }
    }

    private static KeyConditionOperator ToKeyOperator(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => KeyConditionOperator.Equal,
        ComparisonOperator.Less => KeyConditionOperator.Less,
        ComparisonOperator.LessOrEqual => KeyConditionOperator.LessOrEqual,
        ComparisonOperator.Greater => KeyConditionOperator.Greater,
        _ => KeyConditionOperator.GreaterOrEqual,
    };

    private static KeyConditionOperator Flip(KeyConditionOperator op) => op switch
    {
        KeyConditionOperator.Less => KeyConditionOperator.Greater,
        KeyConditionOperator.LessOrEqual => KeyConditionOperator.GreaterOrEqual,
        KeyConditionOperator.Greater => KeyConditionOperator.Less,
        KeyConditionOperator.GreaterOrEqual => KeyConditionOperator.LessOrEqual,
        _ => op,
    };

    private static DynamoValidationException NotSupported() => new("Query key condition not supported");

    private static DynamoValidationException Unsupported(string op) => new($"Invalid operator used in KeyConditionExpression: {op}");
}
