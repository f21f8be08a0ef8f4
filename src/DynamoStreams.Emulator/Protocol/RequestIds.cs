namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Creates request ids shaped like DynamoDB's: 52 upper-case letters and digits.
/// </summary>
internal static class RequestIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    // An id only has to be unique enough to find a request in a log, not unpredictable: the shared
    // pseudo-random generator avoids a cryptographic random call on every request.
    public static string Create() =>
        string.Create(52, 0, static (chars, _) => Random.Shared.GetItems(Alphabet.AsSpan(), chars));
}
