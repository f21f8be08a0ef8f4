using System.Globalization;
using DynamoStreams.Contracts.RuntimeApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Serves the Lambda Runtime API (2018-06-01) for every registered function (spec C.1).
/// </summary>
internal sealed class RuntimeApiEndpoints(Func<string, HostedFunction?> findFunction, ILogger logger)
{
    private const string JsonContentType = "application/json";
    private static readonly byte[] s_accepted = """{"status":"OK"}"""u8.ToArray();

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!RuntimeApiPath.TryParse(request.Path.Value ?? string.Empty, out var path))
        {
            await RejectAsync(context, StatusCodes.Status404NotFound, "InvalidRequest", $"Unknown Runtime API path '{request.Path}'. Use /<function>{RuntimeApiPaths.Runtime}....").ConfigureAwait(false);
            return;
        }

        if (findFunction(path.Function) is not { } function)
        {
            await RejectAsync(context, StatusCodes.Status404NotFound, "ResourceNotFoundException", $"Function not found: {path.Function}").ConfigureAwait(false);
            return;
        }

        if (!function.TryGetInstance(path.Instance, out var instance))
        {
            await RejectAsync(context, StatusCodes.Status403Forbidden, "Runtime.Unknown", $"Runtime instance '{path.Instance}' of function '{path.Function}' is no longer active; the process must exit.").ConfigureAwait(false);
            return;
        }

        var expected = path.Action == RuntimeApiAction.Next ? HttpMethods.Get : HttpMethods.Post;
        if (!string.Equals(request.Method, expected, StringComparison.OrdinalIgnoreCase))
        {
            await RejectAsync(context, StatusCodes.Status405MethodNotAllowed, "InvalidRequest", $"Use {expected} for {request.Path}.").ConfigureAwait(false);
            return;
        }

        switch (path.Action)
        {
            case RuntimeApiAction.Next:
                await NextAsync(context, function, instance).ConfigureAwait(false);
                break;
            case RuntimeApiAction.Response:
                await ResponseAsync(context, function, path.RequestId!).ConfigureAwait(false);
                break;
            case RuntimeApiAction.Error:
                await ErrorAsync(context, function, path.RequestId!).ConfigureAwait(false);
                break;
            default:
                await InitErrorAsync(context, function, instance).ConfigureAwait(false);
                break;
        }
    }

    private static async Task NextAsync(HttpContext context, HostedFunction function, RuntimeInstance instance)
    {
        Invocation? invocation;
        try
        {
            invocation = await function.NextAsync(instance, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (invocation is null)
        {
            await WriteJsonAsync(context, StatusCodes.Status500InternalServerError, ErrorBody("Runtime.ExitError", $"Function '{function.Options.Name}' is stopping; the runtime must exit.")).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        var headers = response.Headers;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        response.ContentLength = invocation.Payload.Length;
        headers[RuntimeApiHeaders.RequestId] = invocation.RequestId;
        headers[RuntimeApiHeaders.DeadlineMs] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers[RuntimeApiHeaders.InvokedFunctionArn] = function.FunctionArn;
        headers[RuntimeApiHeaders.TraceId] = invocation.TraceHeader;
        if (invocation.ClientContext is { } clientContext)
        {
            headers[RuntimeApiHeaders.ClientContext] = clientContext;
        }

        if (invocation.CognitoIdentity is { } cognitoIdentity)
        {
            headers[RuntimeApiHeaders.CognitoIdentity] = cognitoIdentity;
        }

        try
        {
            await response.Body.WriteAsync(invocation.Payload, context.RequestAborted).ConfigureAwait(false);
            await response.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            function.Requeue(invocation);
        }
    }

    private async Task ResponseAsync(HttpContext context, HostedFunction function, string requestId)
    {
        if (await TakeOutcomeAsync(context, function, requestId).ConfigureAwait(false) is not var (invocation, body))
        {
            return;
        }

        invocation.SetResult(function.CreateSuccess(invocation, body.Content));
        await WriteJsonAsync(context, StatusCodes.Status202Accepted, s_accepted).ConfigureAwait(false);
    }

    private async Task ErrorAsync(HttpContext context, HostedFunction function, string requestId)
    {
        if (await TakeOutcomeAsync(context, function, requestId).ConfigureAwait(false) is not var (invocation, body))
        {
            return;
        }

        var error = ErrorDocument.Parse(body.Content.Span, context.Request.Headers[RuntimeApiHeaders.FunctionErrorType], FunctionErrorKind.Unhandled);
        invocation.SetResult(function.CreateError(invocation, error, IsJsonObject(body.Content.Span) ? body.Content : default));
        await WriteJsonAsync(context, StatusCodes.Status202Accepted, s_accepted).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the body of <c>/response</c> or <c>/error</c> and takes the running invocation it completes; answers the
    /// request itself and returns <see langword="null"/> for an unknown id or a body over the limit.
    /// </summary>
    private async Task<(Invocation Invocation, RequestBody Body)?> TakeOutcomeAsync(HttpContext context, HostedFunction function, string requestId)
    {
        if (!function.IsRunning(requestId))
        {
            await InvalidRequestIdAsync(context, function).ConfigureAwait(false);
            return null;
        }

        var body = await RequestBody.ReadAsync(context.Request, RuntimeApiLimits.MaximumResponseBytes, context.RequestAborted).ConfigureAwait(false);
        if (!function.TryTakeRunning(requestId, out var invocation))
        {
            await InvalidRequestIdAsync(context, function).ConfigureAwait(false);
            return null;
        }

        if (body.TooLarge)
        {
            invocation.SetResult(function.CreateError(invocation, FunctionErrors.ResponseTooLarge(body.Length)));
            await WriteJsonAsync(context, StatusCodes.Status413PayloadTooLarge, ErrorBody("RequestEntityTooLarge", $"Exceeded maximum allowed payload size ({RuntimeApiLimits.MaximumResponseBytes} bytes).")).ConfigureAwait(false);
            return null;
        }

        return (invocation, body);
    }

    private static async Task InitErrorAsync(HttpContext context, HostedFunction function, RuntimeInstance instance)
    {
        var body = await RequestBody.ReadAsync(context.Request, RuntimeApiLimits.MaximumResponseBytes, context.RequestAborted).ConfigureAwait(false);
        var error = body.TooLarge
            ? new FunctionError(FunctionErrorKind.InitError, "Runtime.Unknown", "The init error document exceeded 6 MB.", [])
            : ErrorDocument.Parse(body.Content.Span, context.Request.Headers[RuntimeApiHeaders.FunctionErrorType], FunctionErrorKind.InitError);
        function.ReportInitError(instance, error);
        await WriteJsonAsync(context, StatusCodes.Status202Accepted, s_accepted).ConfigureAwait(false);
    }

    private Task InvalidRequestIdAsync(HttpContext context, HostedFunction function)
    {
        RuntimeApiLog.Rejected(logger, function.Options.Name, context.Request.Method, context.Request.Path.Value ?? string.Empty, "InvalidRequestID");
        return WriteJsonAsync(context, StatusCodes.Status400BadRequest, ErrorBody("InvalidRequestID", "Invalid request ID"));
    }

    private static Task RejectAsync(HttpContext context, int status, string errorType, string message) =>
        WriteJsonAsync(context, status, ErrorBody(errorType, message));

    private static byte[] ErrorBody(string errorType, string message) =>
        ErrorDocument.Serialize(new FunctionError(FunctionErrorKind.Unhandled, errorType, message, []));

    private static bool IsJsonObject(ReadOnlySpan<byte> body)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        return !trimmed.IsEmpty && trimmed[0] == (byte)'{';
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = JsonContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
