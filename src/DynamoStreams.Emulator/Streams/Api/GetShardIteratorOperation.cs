namespace DynamoStreams.Emulator.Streams.Api;

/// <summary>Serves <c>DynamoDBStreams_20120810.GetShardIterator</c>.</summary>
/// <param name="operations">The Streams API implementation.</param>
public sealed class GetShardIteratorOperation(StreamsOperations operations) : StreamsOperation("GetShardIterator", operations);
