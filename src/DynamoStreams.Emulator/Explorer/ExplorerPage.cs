namespace DynamoStreams.Emulator.Explorer;

/// <summary>
/// Serves the data explorer: one self-contained page (no external assets, no build step) that browses tables, items,
/// stream shards and queues by calling the emulator's own API from the browser, so its writes fire the stream as any
/// SDK's would. The emulator binds to loopback only, and so does the page.
/// </summary>
public static class ExplorerPage
{
    /// <summary>The page's path on the emulator's endpoint.</summary>
    public const string Path = "/explorer";

    private static readonly Lazy<byte[]> s_page = new(Load);

    /// <summary>Returns whether a request asks for the page.</summary>
    /// <param name="request">The request.</param>
    /// <returns>True for a GET of <see cref="Path"/>.</returns>
    internal static bool Matches(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && (request.Path == Path || request.Path == Path + "/");

    /// <summary>Writes the page.</summary>
    /// <param name="context">The HTTP context.</param>
    /// <returns>A task that completes when the page is written.</returns>
    internal static Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        // Only this origin: scripts and styles are inline in the page, nothing loads from elsewhere.
        response.Headers.ContentSecurityPolicy = "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'";
        return response.Body.WriteAsync(s_page.Value, context.RequestAborted).AsTask();
    }

    private static byte[] Load()
    {
        using var stream = typeof(ExplorerPage).Assembly.GetManifestResourceStream("DynamoStreams.Emulator.Explorer.explorer.html")
            ?? throw new InvalidOperationException("The data explorer page is not embedded in the emulator assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
