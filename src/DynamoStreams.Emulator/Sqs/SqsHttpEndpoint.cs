namespace DynamoStreams.Emulator.Sqs;

/// <summary>
/// Connects an HTTP request with an <c>AmazonSQS.*</c> target to the <see cref="SqsRequestHandler"/>:
/// reads the body, the signing region and the host, and writes the JSON response with its headers.
/// </summary>
public sealed class SqsHttpEndpoint
{
    private const string ContentType = "application/x-amz-json-1.0";
    private readonly SqsRequestHandler _handler;
    private readonly string _defaultRegion;

    /// <summary>Creates the endpoint.</summary>
    /// <param name="handler">The operation handler.</param>
    /// <param name="defaultRegion">The region used when a request is not SigV4-signed.</param>
    public SqsHttpEndpoint(SqsRequestHandler handler, string defaultRegion)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentException.ThrowIfNullOrEmpty(defaultRegion);
        _handler = handler;
        _defaultRegion = defaultRegion;
    }

    /// <summary>Serves one request.</summary>
    /// <param name="context">The HTTP context.</param>
    /// <param name="operation">The operation name after <c>AmazonSQS.</c>.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public async Task HandleAsync(HttpContext context, string operation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        var requestContext = new SqsRequestContext(
            SigV4Region.FromAuthorization(request.Headers.Authorization.ToString()) ?? _defaultRegion,
            $"{request.Scheme}://{request.Host}");
        SqsResponse response;
        try
        {
            response = await _handler.HandleAsync(operation, body.GetBuffer().AsMemory(0, (int)body.Length), requestContext,
                context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = ContentType;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (response.QueryErrorHeader is { } queryError)
        {
            context.Response.Headers["x-amzn-query-error"] = queryError;
        }

        context.Response.ContentLength = response.Body.Length;
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
