using DynamoStreams.LocalLambda.EventSourceMapping.Destinations;

namespace DynamoStreams.LocalLambda.Tests.EventSourceMapping.Doubles;

/// <summary>Keeps OnFailure documents for engine-algorithm tests; end-to-end tests read the emulator's SQS queue.</summary>
internal sealed class RecordingDestination : IFailureDestination
{
    private readonly Lock _lock = new();
    private readonly List<(string Arn, string Document)> _sent = [];

    public IReadOnlyList<(string Arn, string Document)> Sent
    {
        get
        {
            lock (_lock)
            {
                return _sent.ToList();
            }
        }
    }

    public Task SendAsync(string destinationArn, string document, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _sent.Add((destinationArn, document));
        }

        return Task.CompletedTask;
    }
}
