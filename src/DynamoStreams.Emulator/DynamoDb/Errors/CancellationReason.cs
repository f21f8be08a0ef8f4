using DynamoStreams.Emulator.DynamoDb.Model;

namespace DynamoStreams.Emulator.DynamoDb.Errors;

/// <summary>
/// One entry of a <c>TransactionCanceledException</c>'s <c>CancellationReasons</c>, in request order.
/// </summary>
/// <param name="Code">The code: <c>None</c>, <c>ConditionalCheckFailed</c>, <c>ValidationError</c>, <c>TransactionConflict</c>...</param>
/// <param name="Message">The message, or <see langword="null"/> for <c>None</c>.</param>
/// <param name="Item">The current item when ALL_OLD was asked for on a failed condition, or <see langword="null"/>.</param>
internal sealed record CancellationReason(string Code, string? Message = null, IReadOnlyDictionary<string, AttributeValue>? Item = null)
{
    /// <summary>Gets the reason of an action that did not cause the cancellation.</summary>
    public static CancellationReason None { get; } = new("None");
}
