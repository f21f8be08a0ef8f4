namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.UntagQueue</c>.</summary>
/// <param name="handler">The SQS implementation.</param>
/// <param name="httpContext">The accessor of the current request.</param>
public sealed class UntagQueueOperation(SqsRequestHandler handler, IHttpContextAccessor httpContext) : SqsOperation("UntagQueue", handler, httpContext);
