namespace DynamoStreams.Lambda.Testing;

/// <summary>
/// Provides an <see cref="ILambdaContext"/> with settable members for unit tests of handlers, like
/// <c>Amazon.Lambda.TestUtilities.TestLambdaContext</c>.
/// </summary>
public sealed class TestLambdaContext : ILambdaContext
{
    /// <inheritdoc />
    public string AwsRequestId { get; set; } = Guid.NewGuid().ToString();

    /// <inheritdoc />
    public string FunctionName { get; set; } = "test-function";

    /// <inheritdoc />
    public string FunctionVersion { get; set; } = "$LATEST";

    /// <inheritdoc />
    public string InvokedFunctionArn { get; set; } = "arn:aws:lambda:us-east-1:000000000000:function:test-function";

    /// <inheritdoc />
    public int MemoryLimitInMB { get; set; } = 128;

    /// <inheritdoc />
    public string LogGroupName { get; set; } = "/aws/lambda/test-function";

    /// <inheritdoc />
    public string LogStreamName { get; set; } = "test";

    /// <inheritdoc />
    public string TraceId { get; set; } = string.Empty;

    /// <inheritdoc />
    public string? ClientContext { get; set; }

    /// <inheritdoc />
    public string? Identity { get; set; }

    /// <inheritdoc />
    public string? TenantId { get; set; }

    /// <inheritdoc />
    public DateTimeOffset Deadline { get; set; } = DateTimeOffset.MaxValue;

    /// <summary>Gets or sets the clock <see cref="RemainingTime"/> is measured with.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <inheritdoc />
    public TimeSpan RemainingTime => Deadline == DateTimeOffset.MaxValue ? TimeSpan.MaxValue : Max(Deadline - TimeProvider.GetUtcNow());

    /// <inheritdoc />
    public CancellationToken CancellationToken { get; set; }

    /// <summary>Gets the logger, which keeps every line for assertions.</summary>
    public TestLambdaLogger Logger { get; } = new();

    ILambdaLogger ILambdaContext.Logger => Logger;

    private static TimeSpan Max(TimeSpan value) => value > TimeSpan.Zero ? value : TimeSpan.Zero;
}
