namespace DynamoStreams.LocalLambda.RuntimeApi;

/// <summary>
/// Represents a function registered with a <see cref="LambdaRuntimeApiHost"/>.
/// </summary>
public sealed class RegisteredFunction
{
    private readonly HostedFunction _function;

    internal RegisteredFunction(HostedFunction function, string runtimeApiAddress)
    {
        _function = function;
        RuntimeApiAddress = runtimeApiAddress;
    }

    /// <summary>Gets the function name.</summary>
    public string Name => _function.Options.Name;

    /// <summary>Gets the function ARN (<c>arn:aws:lambda:region:account:function:name</c>).</summary>
    public string FunctionArn => _function.FunctionArn;

    /// <summary>Gets the options the function was registered with.</summary>
    public LambdaFunctionOptions Options => _function.Options;

    /// <summary>Gets the value of <c>AWS_LAMBDA_RUNTIME_API</c> for processes started elsewhere (<c>127.0.0.1:port/name</c>).</summary>
    public string RuntimeApiAddress { get; }

    /// <summary>Gets the number of runtime processes currently waiting for work in <c>/invocation/next</c>.</summary>
    public int WaitingRuntimes => _function.WaitingRuntimes;

    /// <summary>Gets the number of invocations waiting for a free runtime process.</summary>
    public int QueuedInvocations => _function.QueuedInvocations;

    /// <summary>Gets the number of invocations being handled by a runtime process.</summary>
    public int RunningInvocations => _function.RunningInvocations;

    /// <summary>
    /// Gets or sets a value indicating whether a debugger is attached: while <see langword="true"/> invocations past
    /// their deadline are neither failed nor killed, so a handler paused at a breakpoint survives.
    /// </summary>
    public bool DebuggerAttached
    {
        get => _function.DebuggerAttached;
        set => _function.DebuggerAttached = value;
    }
}
