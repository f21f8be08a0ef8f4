using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DynamoStreams.Emulator.Hosting;
using DynamoStreams.Emulator.Protocol.Errors;

namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Serves every AWS JSON 1.0 request: routes on <c>X-Amz-Target</c> to the registered operation,
/// parses the body, and writes the response or the service's error with <c>x-amzn-RequestId</c>
/// and <c>x-amz-crc32</c>.
/// </summary>
internal sealed class AwsJsonDispatcher
{
    private const string DefaultPrefix = "DynamoDB_20120810";
    private const int MaxRequestBytes = 16 * 1024 * 1024;

    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly Dictionary<string, IAwsJsonService> _services;
    private readonly Dictionary<string, IAwsJsonOperation> _operations;
    private readonly DynamoEmulatorOptions _options;
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
        _operations = operations.ToDictionary(o => o.Target, StringComparer.Ordinal);
        _options = options;
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

        if (Explorer.ExplorerPage.Matches(request))
        {
            await Explorer.ExplorerPage.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            await WriteHealthAsync(context, region).ConfigureAwait(false);
            return;
        }

        var target = request.Headers["X-Amz-Target"].ToString();
        var dot = target.IndexOf('.', StringComparison.Ordinal);
        var prefix = dot > 0 ? target[..dot] : target;
        if (!_services.TryGetValue(prefix, out var service))
        {
            _services.TryGetValue(DefaultPrefix, out service);
        }

        var errorWriter = service?.ErrorWriter ?? AwsJsonErrorWriter.Instance;
        byte[]? rented = null;
        var started = Stopwatch.GetTimestamp();
        string? errorType = null;
        try
        {
            (rented, var length) = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
            if (!_operations.TryGetValue(target, out var operation))
            {
                throw service?.UnknownOperation(dot > 0 ? target[(dot + 1)..] : target)
                    ?? new AwsServiceException("com.amazon.coral.service#UnknownOperationException", null);
            }

            if (length == 0)
            {
                throw new AwsServiceException("com.amazon.coral.service#SerializationException", null);
            }

            using var document = ParseBody(rented.AsMemory(0, length));
            var awsRequest = new AwsRequest
            {
                Body = document.RootElement,
                Region = region,
                AccountId = _options.AccountId,
                AccessKeyId = accessKeyId,
                RequestId = requestId,
                Headers = request.Headers,
            };
            using var buffer = new PooledBufferWriter();
            using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
            {
                await operation.ExecuteAsync(awsRequest, writer, context.RequestAborted).ConfigureAwait(false);
            }

            await WriteBodyAsync(response, StatusCodes.Status200OK, buffer).ConfigureAwait(false);
        }
        catch (AwsServiceException error)
        {
            errorType = error.ErrorCode;
            await WriteErrorAsync(response, errorWriter, error).ConfigureAwait(false);
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
            var error = new AwsServiceException(
                "com.amazonaws.dynamodb.v20120810#InternalServerError",
                "Internal server error: " + exception.Message,
                StatusCodes.Status500InternalServerError);
            await WriteErrorAsync(response, errorWriter, error).ConfigureAwait(false);
        }
        finally
        {
            EmulatorTelemetry.Record(prefix, dot > 0 ? target[(dot + 1)..] : target, errorType, Stopwatch.GetElapsedTime(started));
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static JsonDocument ParseBody(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            throw new AwsServiceException(
                "com.amazon.coral.service#SerializationException",
                "The request body is not valid JSON: " + exception.Message);
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

    private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var capacity = (int)Math.Min(request.ContentLength ?? 4096, MaxRequestBytes) + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                var next = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(next);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = next;
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (buffer, length);
            }

            length += read;

            // The pool hands out power-of-two buffers, so the limit is checked on what was read, not on the capacity.
            if (length > MaxRequestBytes)
            {
                // Read the rest before answering so that the client, still sending, gets the 413 and not a reset.
                while (await request.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
                {
                }

                ArrayPool<byte>.Shared.Return(buffer);
                throw new AwsServiceException(
                    "com.amazon.coral.service#SerializationException",
                    "The request body exceeds the 16 MB limit.",
                    StatusCodes.Status413PayloadTooLarge);
            }
        }
    }

    private static async Task WriteErrorAsync(HttpResponse response, IAwsErrorWriter errorWriter, AwsServiceException error)
    {
        using var buffer = new PooledBufferWriter(512);
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            errorWriter.WriteError(error, response.Headers, writer);
        }

        await WriteBodyAsync(response, error.StatusCode, buffer).ConfigureAwait(false);
    }

    private static Task WriteBodyAsync(HttpResponse response, int statusCode, PooledBufferWriter buffer)
    {
        response.StatusCode = statusCode;
        response.ContentType = "application/x-amz-json-1.0";
        response.ContentLength = buffer.WrittenCount;
        response.Headers["x-amz-crc32"] = Crc32.Compute(buffer.WrittenSpan).ToString(CultureInfo.InvariantCulture);
        return response.Body.WriteAsync(buffer.WrittenMemory).AsTask();
    }

    private static Task WriteHealthAsync(HttpContext context, string region)
    {
        // DynamoDB answers a GET on its root with a one-line health text; tools use it as a probe.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync($"healthy: dynamodb.{region}.amazonaws.com ", context.RequestAborted);
    }
}
