using System.Collections.Concurrent;
using DynamoStreams.Lambda.DynamoDBEvents;
using DynamoStreams.Lambda.Testing;
using Handler.Sample.Orders;
using static DynamoStreams.Lambda.Tests.HandlerSample.OrderRecordParserTests;

namespace DynamoStreams.Lambda.Tests.HandlerSample;

public class OrderTotalsHandlerTests
{
    private readonly RecordingTotals _totals = new();
    private readonly TestLambdaContext _context = new();

    // spec B.4: a batch that applies completely answers with an empty batchItemFailures list
    [Fact]
    public async Task HandleAsync_WellFormedBatch_AppliesAllInOrder()
    {
        var evt = new DynamoDBEvent
        {
            Records =
            [
                Record("INSERT", newImage: """{"customerId":{"S":"c1"},"amount":{"N":"10"}}""", sequenceNumber: "100"),
                Record("INSERT", newImage: """{"customerId":{"S":"c2"},"amount":{"N":"5"}}""", sequenceNumber: "200"),
                Record("REMOVE", oldImage: """{"customerId":{"S":"c1"},"amount":{"N":"10"}}""", sequenceNumber: "300"),
            ],
        };

        var response = await new OrderTotalsHandler(_totals).HandleAsync(evt, _context);

        Assert.Empty(response.BatchItemFailures!);
        Assert.Equal([new CustomerDelta("c1", 1, 10m), new CustomerDelta("c2", 1, 5m), new CustomerDelta("c1", -1, -10m)], _totals.Applied);
    }

    // spec B.4: a malformed order is reported by its sequence number; nothing after it is applied (it is redelivered)
    [Fact]
    public async Task HandleAsync_MalformedOrder_ReportsItAndStops()
    {
        var evt = new DynamoDBEvent
        {
            Records =
            [
                Record("INSERT", newImage: """{"customerId":{"S":"c1"},"amount":{"N":"10"}}""", sequenceNumber: "100"),
                Record("INSERT", newImage: """{"customerId":{"S":"c1"},"amount":{"S":"ten"}}""", sequenceNumber: "200"),
                Record("INSERT", newImage: """{"customerId":{"S":"c2"},"amount":{"N":"5"}}""", sequenceNumber: "300"),
            ],
        };

        var response = await new OrderTotalsHandler(_totals).HandleAsync(evt, _context);

        Assert.Equal("200", Assert.Single(response.BatchItemFailures!).ItemIdentifier);
        Assert.Equal([new CustomerDelta("c1", 1, 10m)], _totals.Applied);
        Assert.Contains(_context.Logger.Lines, l => l.Level == LambdaLogLevel.Warning && l.Message.Contains("has no numeric 'amount'", StringComparison.Ordinal));
    }

    // spec B.4: a store failure fails that record (and the rest) without losing the ones already applied
    [Fact]
    public async Task HandleAsync_StoreFails_ReportsThatRecord()
    {
        _totals.FailFor = "c2";
        var evt = new DynamoDBEvent
        {
            Records =
            [
                Record("INSERT", newImage: """{"customerId":{"S":"c1"},"amount":{"N":"10"}}""", sequenceNumber: "100"),
                Record("INSERT", newImage: """{"customerId":{"S":"c2"},"amount":{"N":"5"}}""", sequenceNumber: "200"),
            ],
        };

        var response = await new OrderTotalsHandler(_totals).HandleAsync(evt, _context);

        Assert.Equal("200", Assert.Single(response.BatchItemFailures!).ItemIdentifier);
        Assert.Equal([new CustomerDelta("c1", 1, 10m)], _totals.Applied);
        Assert.Contains(_context.Logger.Lines, l => l.Level == LambdaLogLevel.Error && l.Message.Contains("throttled", StringComparison.Ordinal));
    }

    /// <summary>Records applied deltas; the unit-level seam (the DynamoDB-backed store is exercised against the emulator).</summary>
    private sealed class RecordingTotals : ICustomerTotals
    {
        private readonly ConcurrentQueue<CustomerDelta> _applied = new();

        public string? FailFor { get; set; }

        public IReadOnlyList<CustomerDelta> Applied => [.. _applied];

        public Task ApplyAsync(CustomerDelta delta, CancellationToken cancellationToken)
        {
            if (delta.CustomerId == FailFor)
            {
                throw new InvalidOperationException("throttled");
            }

            _applied.Enqueue(delta);
            return Task.CompletedTask;
        }
    }
}
