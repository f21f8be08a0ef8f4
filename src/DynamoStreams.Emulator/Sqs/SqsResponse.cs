namespace DynamoStreams.Emulator.Sqs;

/// <summary>
/// Represents an SQS JSON response: the status, the UTF-8 JSON body and, for errors, the query error header.
/// </summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="QueryErrorHeader">The <c>x-amzn-query-error</c> header value, or <see langword="null"/> on success.</param>
public sealed record SqsResponse(int StatusCode, byte[] Body, string? QueryErrorHeader);
