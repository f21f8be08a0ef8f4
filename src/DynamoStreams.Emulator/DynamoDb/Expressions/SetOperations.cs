using System.Collections.Immutable;
using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Expressions;

/// <summary>Implements the ADD and DELETE update actions on numbers and sets.</summary>
internal static class SetOperations
{
    public static AttributeValue Add(AttributeValue? existing, AttributeValue value)
    {
        if (existing is null)
        {
            return value;
        }

        if (existing.Type != value.Type)
        {
            throw new DynamoValidationException(UpdateMessages.IncorrectDataType);
        }

        return existing.Type switch
        {
            AttributeValueType.N => AttributeValue.FromNumber(existing.AsNumber().Add(value.AsNumber())),
            AttributeValueType.SS => AttributeValue.FromValidatedSet(AttributeValueType.SS, Union(existing.AsStringSet(), value.AsStringSet(), StringComparer.Ordinal)),
            AttributeValueType.NS => AttributeValue.FromValidatedSet(AttributeValueType.NS, Union(existing.AsNumberSet(), value.AsNumberSet(), EqualityComparer<DynamoNumber>.Default)),
            AttributeValueType.BS => AttributeValue.FromValidatedSet(AttributeValueType.BS, Union(existing.AsBinarySet(), value.AsBinarySet(), BinaryEqualityComparer.Instance)),
            _ => throw new DynamoValidationException(UpdateMessages.IncorrectDataType),
        };
    }

    public static AttributeValue? Delete(AttributeValue? existing, AttributeValue value)
    {
        if (existing is null)
        {
            return null;
        }

        if (existing.Type != value.Type)
        {
            throw new DynamoValidationException(UpdateMessages.IncorrectDataType);
        }

        return existing.Type switch
        {
            AttributeValueType.SS => Remaining(AttributeValueType.SS, Except(existing.AsStringSet(), value.AsStringSet(), StringComparer.Ordinal)),
            AttributeValueType.NS => Remaining(AttributeValueType.NS, Except(existing.AsNumberSet(), value.AsNumberSet(), EqualityComparer<DynamoNumber>.Default)),
            AttributeValueType.BS => Remaining(AttributeValueType.BS, Except(existing.AsBinarySet(), value.AsBinarySet(), BinaryEqualityComparer.Instance)),
            _ => throw new DynamoValidationException(UpdateMessages.IncorrectDataType),
        };
    }

    /// <summary>AttributeUpdates ADD: like ADD, and also appends a list to a list.</summary>
    public static AttributeValue LegacyAdd(AttributeValue? existing, AttributeValue value)
    {
        if (existing is { Type: AttributeValueType.L } && value.Type == AttributeValueType.L)
        {
            return AttributeValue.FromOwnedList(existing.AsList().AddRange(value.AsList()));
        }

        return RunLegacy(() => Add(existing, value));
    }

    /// <summary>AttributeUpdates DELETE with a value: like DELETE, with the legacy type-mismatch message.</summary>
    public static AttributeValue? LegacyDelete(AttributeValue? existing, AttributeValue value) => RunLegacy(() => Delete(existing, value));

    private static T RunLegacy<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (DynamoValidationException error) when (error.Message == UpdateMessages.IncorrectDataType)
        {
            throw new DynamoValidationException(Expressions.Legacy.LegacyMessages.TypeMismatch);
        }
    }

    private static AttributeValue? Remaining<T>(AttributeValueType type, ImmutableArray<T> members) =>
        members.Length == 0 ? null : AttributeValue.FromValidatedSet(type, members);

    private static ImmutableArray<T> Union<T>(ImmutableArray<T> left, ImmutableArray<T> right, IEqualityComparer<T> comparer)
    {
        var seen = new HashSet<T>(left, comparer);
        var builder = left.ToBuilder();
        foreach (var member in right)
        {
            if (seen.Add(member))
            {
                builder.Add(member);
            }
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<T> Except<T>(ImmutableArray<T> left, ImmutableArray<T> right, IEqualityComparer<T> comparer)
    {
        var removed = new HashSet<T>(right, comparer);
        return left.RemoveAll(removed.Contains);
    }
}
