namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.SetQueueAttributes</c>.</summary>
/// <param name="handler">The SQS implementation.</param>
/// <param name="httpContext">The accessor of the current request.</param>
public sealed class SetQueueAttributesOperation(SqsRequestHandler handler, IHttpContextAccessor httpContext) : SqsOperation("SetQueueAttributes", handler, httpContext);
