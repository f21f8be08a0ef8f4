using System.Buffers;
using System.Runtime.InteropServices;

namespace DynamoStreams.Lambda;

/// <summary>
/// The runtime loop: initialize the handler (reporting a failure to <c>/runtime/init/error</c>), then take one
/// invocation at a time from <c>/next</c> and post its response or error, until shutdown or a fatal API error.
/// </summary>
internal sealed class LambdaBootstrap
{
    private const int Success = 0;
    private const int Failure = 1;

    private readonly LambdaRuntimeOptions _options;
    private readonly LambdaEnvironment _environment;
    private readonly LambdaLogger _logger;
    private readonly TextWriter _error;
    private readonly ArrayBufferWriter<byte> _output = new(16 * 1024);

    public LambdaBootstrap(LambdaRuntimeOptions options)
    {
        _options = options;
        _environment = LambdaEnvironment.Read(options.EnvironmentVariables);
        _error = options.StandardError ?? Console.Error;
        _logger = new LambdaLogger(options.StandardOutput ?? Console.Out, _error, _environment.MinimumLogLevel, _environment.JsonLogs, options.TimeProvider);
    }

    public async Task<int> RunAsync(Func<CancellationToken, Task<LambdaHandler>> initialize, CancellationToken cancellationToken)
    {
        var api = _options.RuntimeApi ?? _environment.RuntimeApi;
        if (string.IsNullOrWhiteSpace(api))
        {
            return Fail("AWS_LAMBDA_RUNTIME_API is not set, so there is no Lambda Runtime API to take invocations from. "
                + "Run this executable as a Lambda function: in AWS (provided.al2023 or dotnet8), or locally behind the "
                + "Runtime API host of DynamoStreams.LocalLambda, which sets the variable.");
        }

        RuntimeApiEndpoint endpoint;
        try
        {
            endpoint = RuntimeApiEndpoint.Parse(api);
        }
        catch (FormatException ex)
        {
            return Fail(ex.Message);
        }

        using var client = new RuntimeApiClient(endpoint);
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = _options.OwnsProcess ? Register(PosixSignal.SIGTERM, shutdown) : null;
        using var sigint = _options.OwnsProcess ? Register(PosixSignal.SIGINT, shutdown) : null;

        LambdaHandler handler;
        try
        {
            handler = await initialize(shutdown.Token).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The initializer passed to LambdaRuntime.RunAsync returned no handler.");
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            return Success;
        }
        catch (Exception ex)
        {
            return await ReportInitErrorAsync(client, ex).ConfigureAwait(false);
        }

        return await LoopAsync(client, handler, shutdown).ConfigureAwait(false);
    }

    private static PosixSignalRegistration Register(PosixSignal signal, CancellationTokenSource shutdown) =>
        PosixSignalRegistration.Create(signal, context =>
        {
            // Keep the process alive: the loop finishes or abandons the current invocation and returns.
            context.Cancel = true;
            shutdown.Cancel();
        });

    private async Task<int> LoopAsync(RuntimeApiClient client, LambdaHandler handler, CancellationTokenSource shutdown)
    {
        using var abandon = new CancellationTokenSource();
        using var onShutdown = shutdown.Token.Register(() => abandon.CancelAfter(_options.ShutdownGracePeriod));
        while (true)
        {
            InvocationRequest request;
            try
            {
                request = await client.GetNextInvocationAsync(shutdown.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
            {
                return Success;
            }
            catch (Exception ex)
            {
                return Fail(ex.Message);
            }

            var outcome = await InvokeAsync(client, handler, request, shutdown.Token, abandon.Token).ConfigureAwait(false);
            if (outcome is not null)
            {
                return outcome.Value;
            }

            if (shutdown.IsCancellationRequested)
            {
                return Success;
            }
        }
    }

    /// <summary>Runs one invocation and posts its outcome; returns an exit code when the loop must stop.</summary>
    private async Task<int?> InvokeAsync(RuntimeApiClient client, LambdaHandler handler, InvocationRequest request, CancellationToken shutdown, CancellationToken abandon)
    {
        _logger.SetRequestId(request.RequestId);
        if (_options.OwnsProcess)
        {
            Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", request.TraceId);
        }

        var time = _options.TimeProvider;
        var remaining = request.Deadline == DateTimeOffset.MaxValue ? Timeout.InfiniteTimeSpan : request.Deadline - time.GetUtcNow();
        using var invocation = new CancellationTokenSource(remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining, time);
        using var linked = shutdown.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), invocation);
        var context = new LambdaContext(request, _environment, _logger, time, invocation.Token);

        _output.ResetWrittenCount();
        Exception? failure = null;
        try
        {
            var pending = handler.InvokeAsync(request.Payload, _output, context);
            if (pending.IsCompletedSuccessfully)
            {
                pending.GetAwaiter().GetResult();
            }
            else
            {
                await pending.AsTask().WaitAsync(abandon).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            _error.WriteLine($"Shutting down: abandoned invocation {request.RequestId}, which did not finish within {_options.ShutdownGracePeriod.TotalMilliseconds} ms of the shutdown signal.");
            return Success;
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        try
        {
            if (failure is null)
            {
                await client.SendResponseAsync(request.RequestId, _output.WrittenMemory, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                var errorType = LambdaErrorWriter.ErrorType(failure);
                _logger.Log(LambdaLogLevel.Error, $"{errorType}: {failure}");
                LambdaErrorWriter.Write(failure, _output);
                await client.ReportInvocationErrorAsync(request.RequestId, errorType, _output.WrittenMemory, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (RuntimeApiException ex) when (!ex.IsFatal)
        {
            // 400 (unknown or already answered id) and 413 (response over 6 MB) fail only this invocation.
            _logger.Log(LambdaLogLevel.Error, ex.Message);
        }
        catch (Exception ex)
        {
            return Fail(ex.Message);
        }

        return null;
    }

    private async Task<int> ReportInitErrorAsync(RuntimeApiClient client, Exception exception)
    {
        var errorType = LambdaErrorWriter.ErrorType(exception);
        _error.WriteLine($"Initialization failed: {errorType}: {exception}");
        LambdaErrorWriter.Write(exception, _output);
        try
        {
            await client.ReportInitializationErrorAsync(errorType, _output.WrittenMemory, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RuntimeApiException ex)
        {
            _error.WriteLine(ex.Message);
        }

        return Fail(null);
    }

    private int Fail(string? message)
    {
        if (message is not null)
        {
            _error.WriteLine(message);
        }

        if (_options.OwnsProcess)
        {
            Environment.ExitCode = Failure;
        }

        return Failure;
    }
}
