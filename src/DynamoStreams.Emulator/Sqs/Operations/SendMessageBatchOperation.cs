namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.SendMessageBatch</c>.</summary>
/// <param name="handler">The SQS implementation.</param>
/// <param name="httpContext">The accessor of the current request.</param>
public sealed class SendMessageBatchOperation(SqsRequestHandler handler, IHttpContextAccessor httpContext) : SqsOperation("SendMessageBatch", handler, httpContext);
