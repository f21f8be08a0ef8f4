namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.ListQueueTags</c>.</summary>
/// <param name="handler">The SQS implementation.</param>
/// <param name="httpContext">The accessor of the current request.</param>
public sealed class ListQueueTagsOperation(SqsRequestHandler handler, IHttpContextAccessor httpContext) : SqsOperation("ListQueueTags", handler, httpContext);
