namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.DeleteMessageBatch</c>.</summary>
/// <param name="handler">The SQS implementation.</param>
/// <param name="httpContext">The accessor of the current request.</param>
public sealed class DeleteMessageBatchOperation(SqsRequestHandler handler, IHttpContextAccessor httpContext) : SqsOperation("DeleteMessageBatch", handler, httpContext);
