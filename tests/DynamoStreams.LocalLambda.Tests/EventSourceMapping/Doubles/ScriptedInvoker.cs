using System.Text;
using System.Text.Json;
using DynamoStreams.LocalLambda.EventSourceMapping.Invocation;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

/// <summary>A scripted function for engine-algorithm tests; end-to-end tests invoke real handler processes instead.</summary>
internal sealed class ScriptedInvoker : IFunctionInvoker
{
    private readonly Lock _lock = new();
    private readonly List<Invocation> _invocations = [];
    private int _concurrent;

    public Func<Invocation, FunctionInvocationResult> Handler { get; set; } = _ => FunctionInvocationResult.Success(ReadOnlyMemory<byte>.Empty);

    public TimeSpan Delay { get; set; }

    public int MaxConcurrent { get; private set; }

    public IReadOnlyList<Invocation> Invocations
    {
        get
        {
            lock (_lock)
            {
                return _invocations.ToList();
            }
        }
    }

    public async Task<FunctionInvocationResult> InvokeAsync(FunctionInvocationRequest request, CancellationToken cancellationToken)
    {
        var invocation = Invocation.Parse(request.Payload);
        lock (_lock)
        {
            _concurrent++;
            MaxConcurrent = Math.Max(MaxConcurrent, _concurrent);
        }

        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken);
            }

            var result = Handler(invocation);
            lock (_lock)
            {
                _invocations.Add(invocation with { Outcome = result.Outcome });
            }

            return result;
        }
        finally
        {
            lock (_lock)
            {
                _concurrent--;
            }
        }
    }

    public static FunctionInvocationResult Json(string body) => FunctionInvocationResult.Success(Encoding.UTF8.GetBytes(body), Guid.NewGuid().ToString());

    public static FunctionInvocationResult Error() => FunctionInvocationResult.FunctionError("System.Exception", "poison record", Guid.NewGuid().ToString());
}

internal sealed record Invocation(IReadOnlyList<int> Numbers, IReadOnlyList<string> Sequences, string Payload, FunctionInvocationOutcome? Outcome = null)
{
    public string Range => Numbers.Count == 0 ? "[]" : Numbers.Count == 1 ? $"[{Numbers[0]}]" : $"[{Numbers[0]}-{Numbers[^1]}]";

    public JsonElement Root => JsonDocument.Parse(Payload).RootElement;

    public static Invocation Parse(ReadOnlyMemory<byte> payload)
    {
        using var document = JsonDocument.Parse(payload);
        var numbers = new List<int>();
        var sequences = new List<string>();
        foreach (var record in document.RootElement.GetProperty("Records").EnumerateArray())
        {
            var dynamodb = record.GetProperty("dynamodb");
            var image = dynamodb.TryGetProperty("NewImage", out var newImage) ? newImage : dynamodb.GetProperty("OldImage");
            numbers.Add(int.Parse(image.GetProperty("n").GetProperty("N").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            sequences.Add(dynamodb.GetProperty("SequenceNumber").GetString()!);
        }

        return new Invocation(numbers, sequences, Encoding.UTF8.GetString(payload.Span));
    }
}
