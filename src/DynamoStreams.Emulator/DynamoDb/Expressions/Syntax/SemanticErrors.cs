namespace DynamoStreams.Emulator.DynamoDb.Expressions.Syntax;

/// <summary>Collects the first semantic fault of each category so the parser can report DynamoDB's choice.</summary>
internal sealed class SemanticErrors
{
    private readonly string?[] _messages = new string?[Enum.GetValues<ErrorCategory>().Length];

    public void Record(ErrorCategory category, string message) => _messages[(int)category] ??= message;

    public bool Has(ErrorCategory category) => _messages[(int)category] is not null;

    public string? First() => _messages.FirstOrDefault(static m => m is not null);

    public string?[] Snapshot() => (string?[])_messages.Clone();

    public void Restore(string?[] snapshot) => snapshot.CopyTo(_messages, 0);
}
