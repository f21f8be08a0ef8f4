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
                    .Select(r => new HandlerRecord(r.GetProperty("seq").GetString()!, r.GetProperty("key").GetString()!, r.GetProperty("n").GetInt32(), r.GetProperty("arn").GetString()!))
                    .ToList();
                return new HandlerInvocation(root.GetProperty("pid").GetInt32(), records);
            })
            .ToList();
    }

    public string Ranges() => string.Join(" ", Invocations().Select(i => i.Range));
}

public sealed record HandlerInvocation(int Pid, IReadOnlyList<HandlerRecord> Records)
{
    public string Range => Records.Count == 0 ? "[]" : Records.Count == 1 ? $"[{Records[0].N}]" : $"[{Records[0].N}-{Records[^1].N}]";
}

public sealed record HandlerRecord(string Seq, string Key, int N, string Arn);
