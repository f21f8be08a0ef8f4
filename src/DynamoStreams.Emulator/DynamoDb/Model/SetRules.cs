using System.Collections.Immutable;

namespace DynamoStreams.Emulator.DynamoDb.Model;

/// <summary>Checks DynamoDB's set rules (non-empty, no duplicates) and returns its exact messages (dynalite / real service).</summary>
internal static class SetRules
{
    public const string EmptyStringSet = "One or more parameter values were invalid: An string set  may not be empty";
    public const string EmptyNumberSet = "One or more parameter values were invalid: An number set  may not be empty";
    public const string EmptyBinarySet = "One or more parameter values were invalid: Binary sets should not be empty";
    public const string DuplicateNumbers = "Input collection contains duplicates";

    public static string? ValidateStringSet(ImmutableArray<string> members)
    {
        if (members.Length == 0)
        {
            return EmptyStringSet;
        }

        return HasDuplicates(members, StringComparer.Ordinal) ? DuplicateStrings(members) : null;
    }

    public static string? ValidateNumberSet(ImmutableArray<DynamoNumber> members)
    {
        if (members.Length == 0)
        {
            return EmptyNumberSet;
        }

        return HasDuplicates(members, EqualityComparer<DynamoNumber>.Default) ? DuplicateNumbers : null;
    }

    public static string? ValidateBinarySet(ImmutableArray<ReadOnlyMemory<byte>> members)
    {
        if (members.Length == 0)
        {
            return EmptyBinarySet;
        }

        return HasDuplicates(members, BinaryEqualityComparer.Instance)
            ? DuplicateBinaries(members.Select(static m => Convert.ToBase64String(m.Span)))
            : null;
    }

    public static string DuplicateStrings(IEnumerable<string> rawMembers) =>
        "One or more parameter values were invalid: Input collection [" + string.Join(", ", rawMembers) + "] contains duplicates.";

    public static string DuplicateBinaries(IEnumerable<string> rawBase64Members) =>
        "One or more parameter values were invalid: Input collection [" + string.Join(", ", rawBase64Members) + "]of type BS contains duplicates.";

    public static bool HasDuplicates<T>(ImmutableArray<T> members, IEqualityComparer<T> comparer)
    {
        if (members.Length < 2)
        {
            return false;
        }

        if (members.Length == 2)
        {
            return comparer.Equals(members[0], members[1]);
        }

        var seen = new HashSet<T>(members.Length, comparer);
        foreach (var member in members)
        {
            if (!seen.Add(member))
            {
                return true;
            }
        }

        return false;
    }
}
