using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using DynamoStreams.LocalLambda.Processes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Hosts the Lambda Runtime API on loopback for many functions (one path prefix each), runs their processes and
/// invokes them in-process with Lambda's semantics: deadlines, timeouts, init errors, 6 MB limits, restarts.
/// </summary>
/// <example>
/// <code>
/// await using var host = await LambdaRuntimeApiHost.StartAsync(new LambdaRuntimeApiHostOptions(), loggerFactory, ct);
/// await host.RegisterFunctionAsync(new LambdaFunctionOptions { Name = "orders" }, new NodeFunctionRunner("./code"), ct);
/// var result = await host.InvokeAsync("orders", """{"Records":[]}"""u8.ToArray(), null, ct);
/// </code>
/// </example>
public sealed class LambdaRuntimeApiHost : IAsyncDisposable
{
    /// <summary>The name of the <see cref="ActivitySource"/> emitting one activity per invocation.</summary>
    public const string ActivitySourceName = "DynamoStreams.LocalLambda";

    private static readonly ActivitySource s_activitySource = new(ActivitySourceName);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, HostedFunction> _functions = new(StringComparer.Ordinal);
    private readonly LambdaRuntimeApiHostOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private int _disposed;

    private LambdaRuntimeApiHost(WebApplication app, LambdaRuntimeApiHostOptions options, ILoggerFactory loggerFactory)
    {
        _app = app;
        _options = options;
        _loggerFactory = loggerFactory;
    }

    /// <summary>Gets the base address the host listens on, for example <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Gets the <c>host:port</c> part of <see cref="Endpoint"/>.</summary>
    public string Authority => Endpoint.Authority;

    /// <summary>Starts a host on loopback.</summary>
    /// <param name="options">The host options; defaults when <see langword="null"/>.</param>
    /// <param name="loggerFactory">Receives host logs and the output of function processes; none when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started host.</returns>
    public static async Task<LambdaRuntimeApiHost> StartAsync(
        LambdaRuntimeApiHostOptions? options,
        ILoggerFactory? loggerFactory,
        CancellationToken cancellationToken)
    {
        options ??= new LambdaRuntimeApiHostOptions();
        loggerFactory ??= NullLoggerFactory.Instance;
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentException($"Port {options.Port} is invalid: use 0 (any free port) to 65535.", nameof(options));
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        // The endpoints never block (short locks, async I/O), so they may run on the transport's threads: inline
        // scheduling saves two thread-pool hops per request, which is most of a warm invocation's cost on a busy machine.
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        var app = builder.Build();
        var host = new LambdaRuntimeApiHost(app, options, loggerFactory);
        var endpoints = new RuntimeApiEndpoints(host.Find, loggerFactory.CreateLogger("DynamoStreams.LocalLambda.RuntimeApi"));
        app.Run(endpoints.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        host.Endpoint = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        RuntimeApiLog.Listening(loggerFactory.CreateLogger("DynamoStreams.LocalLambda.RuntimeApi"), host.Endpoint);
        return host;
    }

    /// <summary>
    /// Gets the value of <c>AWS_LAMBDA_RUNTIME_API</c> for a function's processes started elsewhere:
    /// <c>127.0.0.1:port/name</c>. The runtime then calls <c>http://127.0.0.1:port/name/2018-06-01/runtime/...</c>.
    /// </summary>
    /// <param name="functionName">The function name.</param>
    /// <returns>The address, without scheme.</returns>
    public string GetRuntimeApiAddress(string functionName)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        return $"{Authority}/{functionName}";
    }

    /// <summary>
    /// Registers a function. With a <paramref name="runner"/>, the host starts <see cref="LambdaFunctionOptions.Concurrency"/>
    /// processes now and supervises them; without one, processes started elsewhere (for example Aspire project resources)
    /// connect at <see cref="RegisteredFunction.RuntimeApiAddress"/> with the environment of <see cref="FunctionEnvironment.Create"/>.
    /// </summary>
    /// <param name="options">The function's options; validated here.</param>
    /// <param name="runner">Starts the function's processes, or <see langword="null"/> when they are started elsewhere.</param>
    /// <param name="cancellationToken">Cancels the registration.</param>
    /// <returns>The registered function.</returns>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="InvalidOperationException">A function with the same name is already registered.</exception>
    public Task<RegisteredFunction> RegisterFunctionAsync(
        LambdaFunctionOptions options,
        IFunctionProcessRunner? runner,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        options.Validate();

        var function = new HostedFunction(
            options,
            runner,
            instance => string.IsNullOrEmpty(instance) ? GetRuntimeApiAddress(options.Name) : $"{GetRuntimeApiAddress(options.Name)}/{instance}",
            _options.TimeProvider,
            _loggerFactory);
        if (!_functions.TryAdd(options.Name, function))
        {
            throw new InvalidOperationException(
                $"Function '{options.Name}' is already registered with this Runtime API host. Unregister it first or use another name.");
        }

        function.StartSupervision();
        return Task.FromResult(new RegisteredFunction(function, GetRuntimeApiAddress(options.Name)));
    }

    /// <summary>
    /// Unregisters a function: its waiting and running invocations fail with <see cref="ObjectDisposedException"/>,
    /// its runtimes get 500 from <c>/next</c> (they must exit) and its supervised processes are killed.
    /// </summary>
    /// <param name="functionName">The function name.</param>
    /// <param name="cancellationToken">Cancels waiting for the processes to exit.</param>
    /// <returns><see langword="true"/> when the function was registered.</returns>
    public async Task<bool> UnregisterFunctionAsync(string functionName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        if (!_functions.TryRemove(functionName, out var function))
        {
            return false;
        }

        await function.StopAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Invokes a function synchronously (RequestResponse) and reports its outcome. Function errors and throttles are
    /// results, not exceptions; the call throws only for caller mistakes, cancellation or a stopped host.
    /// </summary>
    /// <param name="functionName">The function name.</param>
    /// <param name="payload">The event JSON (at most 6 MB).</param>
    /// <param name="options">The trace context, links and optional headers; none when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting; a queued invocation is withdrawn, a running one runs on.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException">The function is not registered or the payload exceeds 6 MB.</exception>
    /// <exception cref="ObjectDisposedException">The function was unregistered or the host stopped before the outcome.</exception>
    public async Task<InvocationResult> InvokeAsync(
        string functionName,
        ReadOnlyMemory<byte> payload,
        InvokeOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        if (!_functions.TryGetValue(functionName, out var function))
        {
            throw new ArgumentException(
                $"Function not found: {functionName}. Register it with RegisterFunctionAsync before invoking it.", nameof(functionName));
        }

        if (payload.Length > RuntimeApiLimits.MaximumRequestBytes)
        {
            throw new ArgumentException(
                $"{payload.Length} byte payload is too large for the RequestResponse invocation type (limit {RuntimeApiLimits.MaximumRequestBytes} bytes).",
                nameof(payload));
        }

        var start = _options.TimeProvider.GetTimestamp();
        using var activity = StartActivity(function, options);
        var requestId = Guid.NewGuid().ToString();
        var traceContext = activity?.Context ?? NewContext(options);
        var invocation = new Invocation(requestId, payload, TraceHeaders.ToXRay(traceContext), traceContext, options, start);
        function.Enqueue(invocation);

        InvocationResult result;
        await using (cancellationToken.Register(() => function.Cancel(invocation, cancellationToken)).ConfigureAwait(false))
        {
            result = await invocation.Completion.ConfigureAwait(false);
        }

        if (activity is not null)
        {
            InvocationActivity.Complete(activity, result);
        }

        return result;
    }

    /// <summary>Stops every function (killing its processes) and the listener.</summary>
    /// <returns>A task that completes when everything has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var function in _functions.Values)
        {
            await function.StopAsync().ConfigureAwait(false);
        }

        _functions.Clear();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private HostedFunction? Find(string name) => _functions.GetValueOrDefault(name);

    private static Activity? StartActivity(HostedFunction function, InvokeOptions? options)
    {
        var activity = s_activitySource.StartActivity(
            function.Options.Name,
            ActivityKind.Server,
            options?.ParentContext ?? Activity.Current?.Context ?? default,
            tags: null,
            links: options?.Links);
        if (activity is not null)
        {
            InvocationActivity.Start(activity, function.Options, options?.Trigger ?? "datasource");
        }

        return activity;
    }

    private static ActivityContext NewContext(InvokeOptions? options)
    {
        var parent = options?.ParentContext ?? Activity.Current?.Context;
        var traceId = parent is { } known && known.TraceId != default ? known.TraceId : ActivityTraceId.CreateRandom();
        return new ActivityContext(traceId, ActivitySpanId.CreateRandom(), parent?.TraceFlags ?? ActivityTraceFlags.None);
    }
}
