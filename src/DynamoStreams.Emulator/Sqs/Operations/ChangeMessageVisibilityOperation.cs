namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>Serves <c>AmazonSQS.ChangeMessageVisibility</c>.</summary>
/// <param name="handler">The SQS implementation.</param>
/// <param name="httpContext">The accessor of the current request.</param>
public sealed class ChangeMessageVisibilityOperation(SqsRequestHandler handler, IHttpContextAccessor httpContext) : SqsOperation("ChangeMessageVisibility", handler, httpContext);
