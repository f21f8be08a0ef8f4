using DynamoStreams.Contracts.RuntimeApi;

namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Parses a request path of the host: <c>/{function}[/{instance}]/2018-06-01/runtime/...</c>.
/// </summary>
/// <param name="Function">The function name.</param>
/// <param name="Instance">The supervised instance id, or <see langword="null"/> for processes started elsewhere.</param>
/// <param name="Action">What the runtime asks for.</param>
/// <param name="RequestId">The request id of <c>/response</c> and <c>/error</c>.</param>
internal readonly record struct RuntimeApiPath(string Function, string? Instance, RuntimeApiAction Action, string? RequestId)
{
    public static bool TryParse(string path, out RuntimeApiPath result)
    {
        result = default;
        var marker = path.IndexOf(RuntimeApiPaths.Runtime, StringComparison.Ordinal);
        if (marker <= 1 || path[0] != '/')
        {
            return false;
        }

        var prefix = path.AsSpan(1, marker - 1);
        var slash = prefix.IndexOf('/');
        string function;
        string? instance = null;
        if (slash < 0)
        {
            function = prefix.ToString();
        }
        else
        {
            function = prefix[..slash].ToString();
            instance = prefix[(slash + 1)..].ToString();
            if (instance.Length == 0 || instance.Contains('/', StringComparison.Ordinal))
            {
                return false;
            }
        }

        var rest = path.AsSpan(marker + RuntimeApiPaths.Runtime.Length);
        if (rest.SequenceEqual(RuntimeApiPaths.Next))
        {
            result = new RuntimeApiPath(function, instance, RuntimeApiAction.Next, null);
            return function.Length > 0;
        }

        if (rest.SequenceEqual(RuntimeApiPaths.InitError))
        {
            result = new RuntimeApiPath(function, instance, RuntimeApiAction.InitError, null);
            return function.Length > 0;
        }

        if (!rest.StartsWith(RuntimeApiPaths.Invocation))
        {
            return false;
        }

        rest = rest[RuntimeApiPaths.Invocation.Length..];
        var idEnd = rest.IndexOf('/');
        if (idEnd <= 0)
        {
            return false;
        }

        var action = rest[(idEnd + 1)..] switch
        {
            RuntimeApiPaths.Response => RuntimeApiAction.Response,
            RuntimeApiPaths.Error => RuntimeApiAction.Error,
            _ => (RuntimeApiAction?)null,
        };
        if (action is null || function.Length == 0)
        {
            return false;
        }

        result = new RuntimeApiPath(function, instance, action.Value, rest[..idEnd].ToString());
        return true;
    }
}

/// <summary>
/// Names the Runtime API requests.
/// </summary>
internal enum RuntimeApiAction
{
    Next,
    Response,
    Error,
    InitError,
}
