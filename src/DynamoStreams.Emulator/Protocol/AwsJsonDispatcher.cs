using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Unicode;
using DynamoStreams.Emulator.Hosting;
using DynamoStreams.Emulator.Protocol.Auth;
using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Serves every AWS JSON 1.0 request: routes on <c>X-Amz-Target</c> to the registered operation,
/// parses the body, and writes the response or the service's error with <c>x-amzn-RequestId</c>
/// and <c>x-amz-crc32</c>.
/// </summary>
/// <remarks>
/// <para>
/// The checks run in DynamoDB's order: body size (413), content type (404 unless JSON), JSON syntax, target,
/// signature (present and complete; verified too when <see cref="DynamoEmulatorOptions.AccessKeys"/> is set), then the
/// operation's own validation. Answers echo the request's JSON content type and carry CORS headers when the request
/// names an <c>Origin</c>.
/// </para>
/// <para>
/// The hot path allocates little beyond what the operation itself needs: the body is parsed where Kestrel read it
/// (its request pipe, no copy unless it arrived in pieces), the response is built in a reused per-thread buffer and
/// copied once into the response pipe, and each target's route (operation, service, names for telemetry) is resolved
/// once at startup.
/// </para>
/// </remarks>
internal sealed class AwsJsonDispatcher
{
    private const string DefaultPrefix = "DynamoDB_20120810";
    private const int MaxRequestBytes = 16 * 1024 * 1024;

    private static readonly JsonDocumentOptions s_documentOptions = new() { MaxDepth = 64 };

    private readonly Dictionary<string, IAwsJsonService> _services;
    private readonly Dictionary<string, Route> _routes;
    private readonly DynamoEmulatorOptions _options;
    private readonly SigV4Verifier? _verifier;
    private readonly ILogger<AwsJsonDispatcher> _logger;

    /// <summary>Creates the dispatcher over the discovered services and operations.</summary>
    /// <param name="services">The services, one per target prefix.</param>
    /// <param name="operations">The operations, one per full target.</param>
    /// <param name="options">The emulator options (default region, account).</param>
    /// <param name="logger">The logger for unexpected failures.</param>
    public AwsJsonDispatcher(
        IEnumerable<IAwsJsonService> services,
        IEnumerable<IAwsJsonOperation> operations,
        DynamoEmulatorOptions options,
        ILogger<AwsJsonDispatcher> logger)
    {
        _services = services.ToDictionary(s => s.TargetPrefix, StringComparer.Ordinal);
        _routes = operations.ToDictionary(o => o.Target, o => Resolve(o.Target, o), StringComparer.Ordinal);
        _options = options;
        _verifier = options.AccessKeys is { } keys ? new SigV4Verifier(keys) : null;
        _logger = logger;
    }

    /// <summary>Handles one HTTP request.</summary>
    /// <param name="context">The HTTP context.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public async Task HandleAsync(HttpContext context)
    {
        var requestId = RequestIds.Create();
        var response = context.Response;
        response.Headers["x-amzn-RequestId"] = requestId;
        var request = context.Request;
        SigV4Scope.TryParse(request.Headers.Authorization, out var accessKeyId, out var region);
        region ??= _options.Region;
        var crossOrigin = CorsHeaders.AddIfCrossOrigin(request, response);

        if (!HttpMethods.IsPost(request.Method))
        {
            await HandleOtherMethodAsync(context, region, crossOrigin).ConfigureAwait(false);
            return;
        }

        var target = request.Headers["X-Amz-Target"].ToString();
        if (!_routes.TryGetValue(target, out var route))
        {
            route = Resolve(target, operation: null);
        }

        var errorWriter = route.Service?.ErrorWriter ?? AwsJsonErrorWriter.Instance;
        var contentType = RequestContentTypes.Json;
        var started = Stopwatch.GetTimestamp();
        string? errorType = null;
        try
        {
            var body = await ReadBodyAsync(request.BodyReader, context.RequestAborted).ConfigureAwait(false);
            ResponseBuffer output;
            try
            {
                if (!RequestContentTypes.TryGetResponseType(request.ContentType, !body.IsEmpty, out contentType))
                {
                    errorType = "NotFound";
                    await PlainResponses.WriteNotFoundAsync(response).ConfigureAwait(false);
                    return;
                }

                output = await ExecuteAsync(context, route, body, region, accessKeyId, requestId).ConfigureAwait(false);
            }
            finally
            {
                request.BodyReader.AdvanceTo(body.End);
            }

            try
            {
                await WriteBodyAsync(response, StatusCodes.Status200OK, contentType, output.WrittenMemory).ConfigureAwait(false);
            }
            finally
            {
                output.Return();
            }
        }
        catch (AwsServiceException error)
        {
            errorType = error.ErrorCode;
            await WriteErrorAsync(response, errorWriter, error, contentType).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
#pragma warning disable CA1031 // Any unexpected failure becomes the service's 500, like AWS's InternalServerError.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            errorType = "InternalServerError";
            _logger.LogError(exception, "Unexpected failure serving {Target} (request {RequestId})", target, requestId);
            var error = route.Service?.InternalError(exception.Message) ?? new AwsServiceException(
                "com.amazonaws.dynamodb.v20120810#InternalServerError",
                "Internal server error: " + exception.Message,
                StatusCodes.Status500InternalServerError);
            await WriteErrorAsync(response, errorWriter, error, contentType).ConfigureAwait(false);
        }
        finally
        {
            EmulatorTelemetry.Record(route.Prefix, route.Name, errorType, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// Answers what is not a POST as DynamoDB does: a GET with the health text (or the explorer page), a pre-flight
    /// OPTIONS from a browser with the CORS grant, anything else with the 404.
    /// </summary>
    private static Task HandleOtherMethodAsync(HttpContext context, string region, bool crossOrigin)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return Explorer.ExplorerPage.Matches(request)
                ? Explorer.ExplorerPage.WriteAsync(context)
                : PlainResponses.WriteHealthAsync(context.Response, region);
        }

        if (crossOrigin && HttpMethods.IsOptions(request.Method))
        {
            CorsHeaders.WritePreflight(request, context.Response);
            return Task.CompletedTask;
        }

        return PlainResponses.WriteNotFoundAsync(context.Response);
    }

    private Route Resolve(string target, IAwsJsonOperation? operation)
    {
        var dot = target.IndexOf('.', StringComparison.Ordinal);
        var prefix = dot > 0 ? target[..dot] : target;
        if (!_services.TryGetValue(prefix, out var service))
        {
            _services.TryGetValue(DefaultPrefix, out service);
        }

        return new Route(operation, service, prefix, dot > 0 ? target[(dot + 1)..] : target);
    }

    /// <summary>Runs the routed operation on the body; the body's memory stays valid until this completes.</summary>
    private async ValueTask<ResponseBuffer> ExecuteAsync(
        HttpContext context, Route route, ReadOnlySequence<byte> body, string region, string? accessKeyId, string requestId)
    {
        using var document = body.IsEmpty ? null : ParseBody(body);
        if (route.Operation is not { } operation)
        {
            throw route.Service?.UnknownOperation(route.Name)
                ?? new AwsServiceException("com.amazon.coral.service#UnknownOperationException", null);
        }

        var signedInQuery = SignaturePresence.Check(context.Request);
        _verifier?.Verify(context.Request, signedInQuery, body);
        if (document is null)
        {
            throw new AwsServiceException("com.amazon.coral.service#SerializationException", null);
        }

        var service = route.Service!;
        if (LoneSurrogates.FindMember(body, service) is { } member)
        {
            throw service.InvalidText(route.Name, member);
        }

        var awsRequest = new AwsRequest
        {
            Body = document.RootElement,
            Region = region,
            AccountId = _options.AccountId,
            AccessKeyId = accessKeyId,
            RequestId = requestId,
            Headers = context.Request.Headers,
        };
        var output = ResponseBuffer.Rent();
        try
        {
            var synchronous = operation.CompletesSynchronously;
            var previous = CurrentRequest.Enter(context, flowsAcrossAwaits: !synchronous);
            ValueTask pending;
            try
            {
                pending = operation.ExecuteAsync(awsRequest, output.Writer, context.RequestAborted);
            }
            finally
            {
                CurrentRequest.Leave(previous);
            }

            if (!pending.IsCompletedSuccessfully)
            {
                await pending.ConfigureAwait(false);
            }

            output.Writer.Flush();
            return output;
        }
        catch
        {
            output.Return();
            throw;
        }
    }

    private static JsonDocument ParseBody(ReadOnlySequence<byte> body)
    {
        // JSON text is UTF-8 (RFC 8259 section 8.1); the parser checks only the structure, so bytes that are no UTF-8
        // inside a string would fail later, wherever the member is read.
        if (!IsUtf8(body))
        {
            throw new AwsServiceException("com.amazon.coral.service#SerializationException", null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, s_documentOptions);
        }
        catch (JsonException)
        {
            // DynamoDB names no reason for a body that is not JSON.
            throw new AwsServiceException("com.amazon.coral.service#SerializationException", null);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new AwsServiceException(
                "com.amazon.coral.service#SerializationException",
                "Start of list found where not expected");
        }

        return document;
    }

    private static bool IsUtf8(ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            return Utf8.IsValid(body.FirstSpan);
        }

        // A character may be split between segments: check a contiguous copy (pooled; only large bodies arrive in pieces).
        var length = checked((int)body.Length);
        var copy = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.CopyTo(copy);
            return Utf8.IsValid(copy.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    /// <summary>
    /// Reads the whole body into the request pipe and returns it unconsumed; the caller advances past it when done.
    /// A body that usually arrived with the headers completes without waiting (and without allocating).
    /// </summary>
    private static async ValueTask<ReadOnlySequence<byte>> ReadBodyAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length > MaxRequestBytes)
            {
                // Read the rest before answering so that the client, still sending, gets the 413 and not a reset.
                reader.AdvanceTo(buffer.End);
                while (!result.IsCompleted)
                {
                    result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    reader.AdvanceTo(result.Buffer.End);
                }

                throw new AwsServiceException(
                    "com.amazon.coral.service#SerializationException",
                    "The request body exceeds the 16 MB limit.",
                    StatusCodes.Status413PayloadTooLarge);
            }

            if (result.IsCompleted)
            {
                return buffer;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static async Task WriteErrorAsync(HttpResponse response, IAwsErrorWriter errorWriter, AwsServiceException error, string contentType)
    {
        var output = ResponseBuffer.Rent();
        try
        {
            errorWriter.WriteError(error, response.Headers, output.Writer);
            output.Writer.Flush();
            await WriteBodyAsync(response, error.StatusCode, contentType, output.WrittenMemory).ConfigureAwait(false);
        }
        finally
        {
            output.Return();
        }
    }

    private static ValueTask<FlushResult> WriteBodyAsync(HttpResponse response, int statusCode, string contentType, ReadOnlyMemory<byte> body)
    {
        response.StatusCode = statusCode;
        response.ContentType = contentType;

        // DynamoDB streams its 413 (chunked, no length), having stopped reading the request.
        if (statusCode != StatusCodes.Status413PayloadTooLarge)
        {
            response.ContentLength = body.Length;
        }

        response.Headers["x-amz-crc32"] = Crc32.Compute(body.Span).ToString(CultureInfo.InvariantCulture);
        return response.BodyWriter.WriteAsync(body);
    }

    /// <summary>Where a target goes: its operation (null when unknown), its service, and its names for telemetry.</summary>
    private sealed record Route(IAwsJsonOperation? Operation, IAwsJsonService? Service, string Prefix, string Name);
}
