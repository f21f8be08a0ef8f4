namespace DynamoStreams.Emulator.Streams.Api;

/// <summary>Serves <c>DynamoDBStreams_20120810.DescribeStream</c>.</summary>
/// <param name="operations">The Streams API implementation.</param>
public sealed class DescribeStreamOperation(StreamsOperations operations) : StreamsOperation("DescribeStream", operations);
