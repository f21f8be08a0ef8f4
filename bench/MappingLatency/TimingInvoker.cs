using System.Collections.Concurrent;
using System.Text.Json;
using DynamoStreams.LocalLambda.EventSourceMapping.Invocation;

namespace MappingLatency;

/// <summary>Passes invocations through and reports, per partition key, the handler's receive timestamp.</summary>
internal sealed class TimingInvoker(IFunctionInvoker inner) : IFunctionInvoker
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _waiting = new();

    public Task<long> Expect(string key) => _waiting.GetOrAdd(key, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public async Task<FunctionInvocationResult> InvokeAsync(FunctionInvocationRequest request, CancellationToken cancellationToken)
    {
        var result = await inner.InvokeAsync(request, cancellationToken);
        if (result.Outcome == FunctionInvocationOutcome.Success)
        {
            using var response = JsonDocument.Parse(result.Payload);
            var received = response.RootElement.GetProperty("received").GetInt64();
            using var payload = JsonDocument.Parse(request.Payload);
            foreach (var record in payload.RootElement.GetProperty("Records").EnumerateArray())
            {
                var key = record.GetProperty("dynamodb").GetProperty("Keys").GetProperty("pk").GetProperty("S").GetString()!;
                if (_waiting.TryGetValue(key, out var waiter))
                {
                    waiter.TrySetResult(received);
                }
            }
        }

        return result;
    }
}
