namespace DynamoStreams.Emulator.DynamoDb.Expressions.Syntax;

/// <summary>Collects the first semantic fault of each category so the parser can report DynamoDB's choice.</summary>
internal sealed class SemanticErrors(bool rankOperandFaultsTogether)
{
    private readonly string?[] _messages = new string?[Enum.GetValues<ErrorCategory>().Length];

    public void Record(ErrorCategory category, string message) => _messages[(int)Rank(category)] ??= message;

    public bool Has(ErrorCategory category) => _messages[(int)Rank(category)] is not null;

    public string? Get(ErrorCategory category) => _messages[(int)Rank(category)];

    // In conditions, filters and key conditions, undefined placeholders, operand counts, non-distinct operands and
    // operand types share one rank: DynamoDB reports whichever comes first in the expression (observed: dynalite
    // suite scan.js "non-distinct expressions", "missing attribute names", "functions with incorrect operand type").
    // Update expressions keep the ranks apart (updateItem.js "overlapping paths", "incorrect types").
    private ErrorCategory Rank(ErrorCategory category) =>
        rankOperandFaultsTogether && category is ErrorCategory.OperandCount or ErrorCategory.Distinct or ErrorCategory.Function
            ? ErrorCategory.Placeholder
            : category;

    public string? First() => _messages.FirstOrDefault(static m => m is not null);

    public string?[] Snapshot() => (string?[])_messages.Clone();

    public void Restore(string?[] snapshot) => snapshot.CopyTo(_messages, 0);
}
