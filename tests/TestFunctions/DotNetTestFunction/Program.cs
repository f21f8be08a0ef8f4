using DynamoStreams.Lambda;
using DynamoStreams.LocalLambda.TestFunction;

// Test handler: see TestBehaviour for the actions. TEST_INIT_FAIL=1 makes initialization throw (an init error).
return await LambdaRuntime.RunAsync(_ =>
{
    if (Environment.GetEnvironmentVariable("TEST_INIT_FAIL") == "1")
    {
        throw new InvalidOperationException("TEST_INIT_FAIL is set: initialization fails on purpose.");
    }

    return Task.FromResult(LambdaHandler.FromBytes(TestBehaviour.InvokeAsync));
});
