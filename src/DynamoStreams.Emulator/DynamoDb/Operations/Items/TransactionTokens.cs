using System.Collections.Concurrent;

namespace DynamoStreams.Emulator.DynamoDb.Operations.Items;

/// <summary>
/// Remembers TransactWriteItems client request tokens for 10 minutes, as DynamoDB does: a repeat with the
/// same parameters succeeds without writing again; a repeat with other parameters is rejected.
/// </summary>
internal sealed class TransactionTokens
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (string Fingerprint, DateTimeOffset At)> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates the token store.</summary>
    /// <param name="time">The clock.</param>
    public TransactionTokens(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>Looks up a token: null when unknown or expired, else whether the fingerprint matches.</summary>
    /// <param name="token">The client request token.</param>
    /// <param name="fingerprint">The request's parameters, canonicalised.</param>
    /// <returns><see langword="null"/>, <see langword="true"/> (same request) or <see langword="false"/> (mismatch).</returns>
    public bool? Check(string token, string fingerprint)
    {
        if (!_tokens.TryGetValue(token, out var entry) || _time.GetUtcNow() - entry.At > s_window)
        {
            return null;
        }

        return entry.Fingerprint == fingerprint;
    }

    /// <summary>Records a token after its transaction committed.</summary>
    /// <param name="token">The client request token.</param>
    /// <param name="fingerprint">The request's parameters.</param>
    public void Record(string token, string fingerprint)
    {
        var now = _time.GetUtcNow();
        _tokens[token] = (fingerprint, now);
        if (_tokens.Count > 10_000)
        {
            foreach (var (key, value) in _tokens)
            {
                if (now - value.At > s_window)
                {
                    _tokens.TryRemove(key, out _);
                }
            }
        }
    }
}
