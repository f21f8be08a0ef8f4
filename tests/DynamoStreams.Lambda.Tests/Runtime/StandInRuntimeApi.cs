using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DynamoStreams.Lambda.Tests.Runtime;

/// <summary>
/// TEMPORARY stand-in for the Runtime API host of DynamoStreams.LocalLambda until it lands on main: a Kestrel endpoint
/// on loopback port 0 serving /{function}/2018-06-01/runtime/... and recording what the runtime posts.
/// </summary>
internal sealed class StandInRuntimeApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<(string Id, byte[] Body, IDictionary<string, string> Headers)> _pending = Channel.CreateUnbounded<(string, byte[], IDictionary<string, string>)>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Posted>> _results = new();
    private readonly TaskCompletionSource<Posted> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly SemaphoreSlim _polls = new(0);

    private StandInRuntimeApi(WebApplication app) => _app = app;

    public string Address { get; private set; } = string.Empty;

    /// <summary>Gets or sets the status the next GET /next answers with instead of an invocation (e.g. 500).</summary>
    public int? NextStatus { get; set; }

    /// <summary>Gets or sets the status POST /response answers with (202 by default).</summary>
    public int ResponseStatus { get; set; } = 202;

    public static async Task<StandInRuntimeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new StandInRuntimeApi(app);
        app.MapGet("/{function}/2018-06-01/runtime/invocation/next", api.NextAsync);
        app.MapPost("/{function}/2018-06-01/runtime/invocation/{id}/{kind}", api.PostAsync);
        app.MapPost("/{function}/2018-06-01/runtime/init/error", async (HttpContext http) =>
        {
            api._initError.TrySetResult(await Posted.ReadAsync("init", http));
            return Results.Json(new Dictionary<string, string> { ["status"] = "OK" }, statusCode: 202);
        });
        await app.StartAsync();
        api.Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("http://", string.Empty, StringComparison.Ordinal);
        return api;
    }

    public Task<Posted> InvokeAsync(string payload, IDictionary<string, string>? headers = null)
    {
        var id = Guid.NewGuid().ToString();
        var result = _results.GetOrAdd(id, _ => new TaskCompletionSource<Posted>(TaskCreationOptions.RunContinuationsAsynchronously));
        _pending.Writer.TryWrite((id, System.Text.Encoding.UTF8.GetBytes(payload), headers ?? new Dictionary<string, string>()));
        return result.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Waits until a runtime is blocked in GET /next.</summary>
    public Task WaitForPollAsync() => _polls.WaitAsync(TimeSpan.FromSeconds(60));

    public Task<Posted> InitErrorAsync() => _initError.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task NextAsync(HttpContext http)
    {
        if (NextStatus is int status)
        {
            http.Response.StatusCode = status;
            await http.Response.WriteAsync("""{"errorMessage":"stand-in failure","errorType":"ContainerError"}""");
            return;
        }

        _polls.Release();
        var (id, body, headers) = await _pending.Reader.ReadAsync(http.RequestAborted);
        http.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = id;
        http.Response.Headers["Lambda-Runtime-Deadline-Ms"] = DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:000000000000:function:fn";
        http.Response.Headers["Lambda-Runtime-Trace-Id"] = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        foreach (var (name, value) in headers)
        {
            http.Response.Headers[name] = value;
        }

        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(body);
    }

    private async Task<IResult> PostAsync(HttpContext http, string id, string kind)
    {
        if (!_results.TryGetValue(id, out var result))
        {
            return Results.Json(new Dictionary<string, string> { ["errorMessage"] = "Invalid request ID", ["errorType"] = "InvalidRequestID" }, statusCode: 400);
        }

        var posted = await Posted.ReadAsync(kind, http);
        if (kind == "response" && ResponseStatus != 202)
        {
            result.TrySetResult(posted with { Kind = "rejected" });
            return Results.Json(new Dictionary<string, string> { ["errorMessage"] = "rejected", ["errorType"] = "RequestEntityTooLarge" }, statusCode: ResponseStatus);
        }

        result.TrySetResult(posted);
        return Results.Json(new Dictionary<string, string> { ["status"] = "OK" }, statusCode: 202);
    }

    /// <summary>What the runtime posted: response, error or init error.</summary>
    public sealed record Posted(string Kind, string Body, string? ContentType, string? ErrorType)
    {
        public static async Task<Posted> ReadAsync(string kind, HttpContext http)
        {
            using var reader = new StreamReader(http.Request.Body);
            return new Posted(kind, await reader.ReadToEndAsync(), http.Request.ContentType, http.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault());
        }
    }
}
