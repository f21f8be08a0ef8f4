using Amazon.CDK;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Cdk;

/// <summary>Builds the CDK app and stacks for the <c>AddDynamoStreamsLambda</c> declarations of an AppHost.</summary>
public static class DynamoStreamsStackBuilder
{
    /// <summary>Adds the stack of <paramref name="pattern"/> to <paramref name="app"/>.</summary>
    /// <param name="app">The CDK app; its output directory receives the cloud assembly on <c>Synth()</c>.</param>
    /// <param name="pattern">The declaration.</param>
    /// <param name="options">The handler's packaged code and the stack's settings; required for a .NET handler.</param>
    /// <returns>The stack.</returns>
    /// <exception cref="InvalidOperationException">The declaration needs something the options do not give.</exception>
    public static DynamoStreamsStack AddStack(App app, DynamoStreamsLambdaResource pattern, DynamoStreamsStackOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(pattern);
        return new DynamoStreamsStack(app, pattern, options ?? new DynamoStreamsStackOptions());
    }

    /// <summary>Creates a CDK app writing to <paramref name="outputDirectory"/> with the stack of <paramref name="pattern"/>.</summary>
    /// <param name="outputDirectory">The cloud assembly's folder.</param>
    /// <param name="pattern">The declaration.</param>
    /// <param name="options">The handler's packaged code and the stack's settings; required for a .NET handler.</param>
    /// <returns>The stack; <c>stack.Node.Root</c> is the app.</returns>
    public static DynamoStreamsStack Build(string outputDirectory, DynamoStreamsLambdaResource pattern, DynamoStreamsStackOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var app = new App(new AppProps { Outdir = outputDirectory });
        return AddStack(app, pattern, options);
    }
}
