namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.CreateQueue</c>.</summary>
/// <param name="handler">The SQS implementation.</param>
/// <param name="httpContext">The accessor of the current request.</param>
public sealed class CreateQueueOperation(SqsRequestHandler handler, IHttpContextAccessor httpContext) : SqsOperation("CreateQueue", handler, httpContext);
