namespace DynamoStreams.Contracts.EventSourceMapping;

/// <summary>
/// Converts between the two spellings of "no limit" on a mapping: <see langword="null"/> in a declaration, and
/// <c>-1</c> on the wire (<c>MaximumRetryAttempts</c>, <c>MaximumRecordAgeInSeconds</c>).
/// </summary>
public static class Unlimited
{
    /// <summary>The wire value that means no limit.</summary>
    public const int Value = -1;

    /// <summary>Returns the wire value of a count where <see langword="null"/> (or <see cref="Value"/>) means no limit.</summary>
    /// <param name="value">The declared count.</param>
    /// <returns>The count, or <see cref="Value"/>.</returns>
    public static int ToWire(int? value) => value ?? Value;

    /// <summary>Returns the wire value, in whole seconds, of a duration where <see langword="null"/> means no limit.</summary>
    /// <param name="value">The declared duration.</param>
    /// <returns>The seconds, or <see cref="Value"/>.</returns>
    public static int ToWireSeconds(TimeSpan? value) => value is { } duration ? (int)duration.TotalSeconds : Value;

    /// <summary>Tells whether a wire value means no limit.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns><see langword="true"/> for <see cref="Value"/>.</returns>
    public static bool IsUnlimited(int value) => value == Value;
}
