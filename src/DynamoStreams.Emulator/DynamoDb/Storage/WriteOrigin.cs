namespace DynamoStreams.Emulator.DynamoDb.Storage;

/// <summary>Says who made a write: a client request, or the service itself (a TTL deletion).</summary>
internal enum WriteOrigin
{
    /// <summary>A client request (PutItem, UpdateItem, DeleteItem, batch or transaction).</summary>
    User,

    /// <summary>The service itself, such as a TTL deletion (stream records carry the service identity).</summary>
    Service,
}
