namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.GetQueueAttributes</c>.</summary>
/// <param name="handler">The SQS implementation.</param>
/// <param name="httpContext">The accessor of the current request.</param>
public sealed class GetQueueAttributesOperation(SqsRequestHandler handler, IHttpContextAccessor httpContext) : SqsOperation("GetQueueAttributes", handler, httpContext);
