using DynamoStreams.Lambda;
using DynamoStreams.LocalLambda.TestFunction;

// Test handler: see TestBehaviour for the actions. TEST_INIT_FAIL=1 makes initialization throw (an init error);
// TEST_INIT_FAIL_ONCE=<file> makes it throw only while the file does not exist yet (and creates it).
return await LambdaRuntime.RunAsync(_ =>
{
    if (Environment.GetEnvironmentVariable("TEST_INIT_FAIL") == "1")
    {
        throw new InvalidOperationException("TEST_INIT_FAIL is set: initialization fails on purpose.");
    }

    if (Environment.GetEnvironmentVariable("TEST_INIT_FAIL_ONCE") is { Length: > 0 } marker && !File.Exists(marker))
    {
        File.WriteAllText(marker, "failed once");
        throw new InvalidOperationException("TEST_INIT_FAIL_ONCE: the first initialization fails on purpose.");
    }

    return Task.FromResult(LambdaHandler.FromBytes(TestBehaviour.InvokeAsync));
});
