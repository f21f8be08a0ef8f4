using System.Text.Json;
using DynamoStreams.Emulator.Protocol;

namespace DynamoStreams.Emulator.Sqs.Operations;

/// <summary>
/// Base of the SQS operations: routes <c>AmazonSQS.&lt;Name&gt;</c> to the <see cref="SqsRequestHandler"/>, with
/// queue URLs built from the host the client used.
/// </summary>
public abstract class SqsOperation : IAwsJsonOperation
{
    private readonly string _name;
    private readonly SqsRequestHandler _handler;
    private readonly IHttpContextAccessor _httpContext;

    /// <summary>Initializes the operation.</summary>
    /// <param name="name">The operation name, for example <c>SendMessage</c>.</param>
    /// <param name="handler">The SQS implementation.</param>
    /// <param name="httpContext">The accessor of the current request.</param>
    protected SqsOperation(string name, SqsRequestHandler handler, IHttpContextAccessor httpContext)
    {
        _name = name;
        _handler = handler;
        _httpContext = httpContext;
        Target = SqsService.Prefix + "." + name;
    }

    /// <inheritdoc/>
    public string Target { get; }

    /// <inheritdoc/>
    public ValueTask ExecuteAsync(AwsRequest request, Utf8JsonWriter response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // SQS sends no x-amz-crc32, and the SQS SDK checks one if present against only the bytes it read, which
        // for bodiless results such as DeleteMessage is none; so drop the header the shared dispatcher adds.
        _httpContext.HttpContext?.Response.OnStarting(static state =>
        {
            ((HttpResponse)state).Headers.Remove("x-amz-crc32");
            return Task.CompletedTask;
        }, _httpContext.HttpContext.Response);
        var host = request.Headers.Host.ToString();
        var context = new SqsRequestContext(request.Region, "http://" + (host.Length > 0 ? host : "localhost"));
        return _handler.ExecuteAsync(_name, request.Body, context, response, cancellationToken);
    }
}
