namespace DynamoStreams.Emulator.Streams.Api;

/// <summary>Serves <c>DynamoDBStreams_20120810.ListStreams</c>.</summary>
/// <param name="operations">The Streams API implementation.</param>
public sealed class ListStreamsOperation(StreamsOperations operations) : StreamsOperation("ListStreams", operations);
