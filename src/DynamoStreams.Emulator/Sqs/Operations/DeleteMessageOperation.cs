namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.DeleteMessage</c>.</summary>
/// <param name="handler">The SQS implementation.</param>
/// <param name="httpContext">The accessor of the current request.</param>
public sealed class DeleteMessageOperation(SqsRequestHandler handler, IHttpContextAccessor httpContext) : SqsOperation("DeleteMessage", handler, httpContext);
