namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.GetQueueUrl</c>.</summary>
/// <param name="handler">The SQS implementation.</param>
/// <param name="httpContext">The accessor of the current request.</param>
public sealed class GetQueueUrlOperation(SqsRequestHandler handler, IHttpContextAccessor httpContext) : SqsOperation("GetQueueUrl", handler, httpContext);
