namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.ChangeMessageVisibilityBatch</c>.</summary>
/// <param name="handler">The SQS implementation.</param>
/// <param name="httpContext">The accessor of the current request.</param>
public sealed class ChangeMessageVisibilityBatchOperation(SqsRequestHandler handler, IHttpContextAccessor httpContext) : SqsOperation("ChangeMessageVisibilityBatch", handler, httpContext);
