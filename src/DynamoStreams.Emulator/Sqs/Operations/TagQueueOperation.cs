namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.TagQueue</c>.</summary>
/// <param name="handler">The SQS implementation.</param>
/// <param name="httpContext">The accessor of the current request.</param>
public sealed class TagQueueOperation(SqsRequestHandler handler, IHttpContextAccessor httpContext) : SqsOperation("TagQueue", handler, httpContext);
