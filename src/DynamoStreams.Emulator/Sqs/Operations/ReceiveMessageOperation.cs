namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.ReceiveMessage</c>.</summary>
/// <param name="handler">The SQS implementation.</param>
/// <param name="httpContext">The accessor of the current request.</param>
public sealed class ReceiveMessageOperation(SqsRequestHandler handler, IHttpContextAccessor httpContext) : SqsOperation("ReceiveMessage", handler, httpContext);
