namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.SendMessage</c>.</summary>
/// <param name="handler">The SQS implementation.</param>
/// <param name="httpContext">The accessor of the current request.</param>
public sealed class SendMessageOperation(SqsRequestHandler handler, IHttpContextAccessor httpContext) : SqsOperation("SendMessage", handler, httpContext);
