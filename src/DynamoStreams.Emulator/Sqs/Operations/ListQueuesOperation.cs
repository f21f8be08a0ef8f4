namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.ListQueues</c>.</summary>
/// <param name="handler">The SQS implementation.</param>
/// <param name="httpContext">The accessor of the current request.</param>
public sealed class ListQueuesOperation(SqsRequestHandler handler, IHttpContextAccessor httpContext) : SqsOperation("ListQueues", handler, httpContext);
