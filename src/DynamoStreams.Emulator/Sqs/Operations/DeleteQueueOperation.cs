namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.DeleteQueue</c>.</summary>
/// <param name="handler">The SQS implementation.</param>
/// <param name="httpContext">The accessor of the current request.</param>
public sealed class DeleteQueueOperation(SqsRequestHandler handler, IHttpContextAccessor httpContext) : SqsOperation("DeleteQueue", handler, httpContext);
