namespace DynamoStreams.Emulator.DynamoDb.Storage;

/// <summary>
/// Observes every item write at the single write path of the storage (puts, updates, deletes, batch and
/// transaction items, TTL deletions). Register implementations as singletons in the emulator's services
/// (for example from an <see cref="Hosting.IEmulatorModule"/>).
/// </summary>
/// <remarks>
/// <see cref="OnItemChanging"/> runs synchronously under the table's write lock, in commit order, before
/// the change is applied to memory and before the client's response is sent; writes that change nothing
/// arrive with <see cref="ItemChange.Kind"/> <see cref="ItemChangeKind.None"/> so observers can skip them.
/// An exception thrown here aborts the write (the client receives a 500), which is what a write-ahead log
/// needs. A transaction's items are committed one after another while every table of the transaction is locked,
/// so no reader sees part of it.
/// </remarks>
internal interface IItemChangeObserver
{
    /// <summary>Observes one item write about to be applied.</summary>
    /// <param name="change">The change.</param>
    void OnItemChanging(ItemChange change);
}
