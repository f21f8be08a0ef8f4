namespace DynamoStreams.Emulator.Streams.Api;

/// <summary>Serves <c>DynamoDBStreams_20120810.GetRecords</c>.</summary>
/// <param name="operations">The Streams API implementation.</param>
public sealed class GetRecordsOperation(StreamsOperations operations) : StreamsOperation("GetRecords", operations);
