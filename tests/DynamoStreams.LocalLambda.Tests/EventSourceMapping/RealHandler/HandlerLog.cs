using System.Text.Json;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.RealHandler;

/// <summary>A registered Node stream handler and the file it logs each invocation to (tests/TestFunctions/esm/index.js).</summary>
public sealed record HandlerLog(string Name, string RecordFile, string ExitFile)
{
    /// <summary>Reads the invocations the handler logged, in order.</summary>
    public IReadOnlyList<HandlerInvocation> Invocations()
    {
        if (!File.Exists(RecordFile))
        {
            return [];
        }

        return File.ReadAllLines(RecordFile)
            .Where(l => l.Length > 0 && l.EndsWith('}'))
            .Select(line =>
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var records = root.GetProperty("records").EnumerateArray()
                    .Select(r => new HandlerRecord(r.GetProperty("seq").GetString()!, r.GetProperty("key").GetString()!, r.GetProperty("n").GetInt32(), r.GetProperty("arn").GetString()!)
                    {
                        EventName = r.TryGetProperty("eventName", out var eventName) ? eventName.GetString() : null,
                        Created = r.TryGetProperty("created", out var created) && created.ValueKind == JsonValueKind.String ? created.GetDateTime() : null,
                    })
                    .ToList();
                var traceId = root.TryGetProperty("traceId", out var trace) && trace.ValueKind == JsonValueKind.String ? trace.GetString() : null;
                var overlapped = root.TryGetProperty("overlapped", out var overlap) && overlap.ValueKind == JsonValueKind.True;
                return new HandlerInvocation(root.GetProperty("pid").GetInt32(), records) { TraceId = traceId, Overlapped = overlapped };
            })
            .ToList();
    }

    public string Ranges() => string.Join(" ", Invocations().Select(i => i.Range));
}

public sealed record HandlerInvocation(int Pid, IReadOnlyList<HandlerRecord> Records)
{
    /// <summary>Gets the X-Ray trace header the handler saw (<c>_X_AMZN_TRACE_ID</c> / <c>ILambdaContext.TraceId</c>).</summary>
    public string? TraceId { get; init; }

    /// <summary>Gets whether the invocation started while another invocation of the function was running.</summary>
    public bool Overlapped { get; init; }

    public string Range => Records.Count == 0 ? "[]" : Records.Count == 1 ? $"[{Records[0].N}]" : $"[{Records[0].N}-{Records[^1].N}]";
}

public sealed record HandlerRecord(string Seq, string Key, int N, string Arn)
{
    /// <summary>Gets <c>eventName</c> as the typed .NET handler bound it (null from the Node handler).</summary>
    public string? EventName { get; init; }

    /// <summary>Gets <c>ApproximateCreationDateTime</c> as the typed .NET handler bound it (null from the Node handler).</summary>
    public DateTime? Created { get; init; }
}
