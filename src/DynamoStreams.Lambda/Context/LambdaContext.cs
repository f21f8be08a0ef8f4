namespace DynamoStreams.Lambda;

/// <summary>
/// The context of one invocation, built from the <c>/next</c> headers and the function's environment.
/// </summary>
internal sealed class LambdaContext : ILambdaContext
{
    private readonly LambdaEnvironment _environment;
    private readonly TimeProvider _time;

    public LambdaContext(InvocationRequest request, LambdaEnvironment environment, ILambdaLogger logger, TimeProvider time, CancellationToken cancellationToken)
    {
        _environment = environment;
        _time = time;
        AwsRequestId = request.RequestId;
        InvokedFunctionArn = request.InvokedFunctionArn ?? string.Empty;
        TraceId = request.TraceId ?? string.Empty;
        ClientContext = request.ClientContext;
        Identity = request.CognitoIdentity;
        TenantId = request.TenantId;
        Deadline = request.Deadline;
        Logger = logger;
        CancellationToken = cancellationToken;
    }

    public string AwsRequestId { get; }

    public string FunctionName => _environment.FunctionName;

    public string FunctionVersion => _environment.FunctionVersion;

    public string InvokedFunctionArn { get; }

    public int MemoryLimitInMB => _environment.MemoryLimitInMB;

    public string LogGroupName => _environment.LogGroupName;

    public string LogStreamName => _environment.LogStreamName;

    public string TraceId { get; }

    public string? ClientContext { get; }

    public string? Identity { get; }

    public string? TenantId { get; }

    public DateTimeOffset Deadline { get; }

    public TimeSpan RemainingTime
    {
        get
        {
            var left = Deadline - _time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public CancellationToken CancellationToken { get; }

    public ILambdaLogger Logger { get; }
}
