namespace DynamoStreams.Emulator.Protocol;

/// <summary>
/// Gives the parts that run inside a request (stream capture's trace context, the journal's durability barrier, SQS's
/// response headers) the HTTP context of the request they serve. Used instead of ASP.NET Core's
/// <c>IHttpContextAccessor</c>: with that accessor registered, the host allocates a new <c>HttpContext</c> for every
/// request rather than reusing the connection's.
/// </summary>
/// <remarks>
/// The dispatcher sets the context for the synchronous part of every operation (a thread-static slot, free to set);
/// an operation that may continue after an <c>await</c> (<see cref="IAwsJsonOperation.CompletesSynchronously"/> false)
/// also gets it in an async-local, which follows its continuations.
/// </remarks>
internal sealed class CurrentRequest
{
    [ThreadStatic]
    private static HttpContext? t_context;

    private static readonly AsyncLocal<HttpContext?> s_context = new();

    /// <summary>Gets the context of the request being served, or <see langword="null"/> outside a request.</summary>
    public HttpContext? HttpContext => t_context ?? s_context.Value;

    /// <summary>Makes <paramref name="context"/> current for the synchronous part of an operation.</summary>
    /// <param name="context">The request's context.</param>
    /// <param name="flowsAcrossAwaits">Whether the operation's continuations after an <c>await</c> see it too.</param>
    /// <returns>The previous thread-static context, to pass to <see cref="Leave"/>.</returns>
    internal static HttpContext? Enter(HttpContext context, bool flowsAcrossAwaits)
    {
        if (flowsAcrossAwaits)
        {
            s_context.Value = context;
        }

        var previous = t_context;
        t_context = context;
        return previous;
    }

    /// <summary>Ends the synchronous part entered with <see cref="Enter"/>.</summary>
    /// <param name="previous">What <see cref="Enter"/> returned.</param>
    internal static void Leave(HttpContext? previous) => t_context = previous;
}
