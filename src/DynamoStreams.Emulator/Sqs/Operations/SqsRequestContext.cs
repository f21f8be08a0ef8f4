namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>
/// Carries what an SQS operation needs from the HTTP request: the signing region and the base URL for queue URLs.
/// </summary>
/// <param name="Region">The region from the request's SigV4 credential scope.</param>
/// <param name="BaseUrl">The scheme, host and port the client used, without a trailing slash.</param>
internal sealed record SqsRequestContext(string Region, string BaseUrl);
