namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.PurgeQueue</c>.</summary>
/// <param name="handler">The SQS implementation.</param>
/// <param name="httpContext">The accessor of the current request.</param>
public sealed class PurgeQueueOperation(SqsRequestHandler handler, IHttpContextAccessor httpContext) : SqsOperation("PurgeQueue", handler, httpContext);
