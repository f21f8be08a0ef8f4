using DynamoStreams.LocalLambda.EventSourceMapping.Checkpoints;
using DynamoStreams.LocalLambda.EventSourceMapping.Destinations;
using DynamoStreams.LocalLambda.EventSourceMapping.StreamSources;

namespace Aspire.Hosting.DynamoStreams.Extensibility;

/// <summary>
/// Describes a stream outside the local run that a pattern's local handler consumes
/// (<see cref="DynamoStreamsRunModes.StartLocalHandlerAsync"/>), and the clients that reach it.
/// </summary>
/// <param name="StreamArn">The stream to read.</param>
/// <param name="DeadLetterQueueArn">The OnFailure destination's queue ARN, or null.</param>
/// <param name="Region">The region of the stream (the function's <c>AWS_REGION</c>).</param>
/// <param name="AccountId">The account of the stream (the function ARN's account).</param>
/// <param name="Streams">Reads the stream.</param>
/// <param name="Destination">Receives OnFailure documents.</param>
/// <param name="Checkpoints">Keeps the mapping's positions.</param>
public sealed record ExternalStream(
    string StreamArn, string? DeadLetterQueueArn, string Region, string AccountId, IStreamSource Streams, IFailureDestination? Destination, ICheckpointStore Checkpoints);
