using Amazon.CDK;

namespace Aspire.Hosting.DynamoStreams.Cdk;

/// <summary>Holds what the stack needs beyond the declaration: the handler's packaged code and the stack's settings.</summary>
public sealed class DynamoStreamsStackOptions
{
    /// <summary>
    /// Gets or sets the folder holding a .NET handler's Linux publish output (an executable named <c>bootstrap</c> for
    /// <c>provided.al2023</c>, the assemblies for <c>dotnet8</c>). Required when the handler is a .NET project.
    /// </summary>
    public string? HandlerCodeDirectory { get; set; }

    /// <summary>
    /// Gets or sets the execution role ARN of an existing function (<see cref="Aspire.Hosting.ApplicationModel.LambdaHandler.FromExistingFunction"/>),
    /// which receives the stream-read and dead-letter-queue grants. Required for an existing function.
    /// </summary>
    public string? ExistingFunctionRoleArn { get; set; }

    /// <summary>Gets or sets the stack's props (name, account and region, tags); the stack name defaults to the pattern's name.</summary>
    public StackProps? StackProps { get; set; }

    /// <summary>Gets or sets the stack of the pattern whose table this one shares; set by <see cref="DynamoStreamsStackBuilder.AddStacks"/>.</summary>
    internal DynamoStreamsStack? ExistingTableStack { get; set; }

    /// <summary>Gets or sets the handler string of the packaged code (the entry assembly's name for the managed runtime), when packaged.</summary>
    internal string? PackagedHandler { get; set; }
}
