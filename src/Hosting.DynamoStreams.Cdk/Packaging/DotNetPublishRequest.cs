using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Cdk.Packaging;

/// <summary>
/// Describes the <c>dotnet publish</c> of a .NET handler for Lambda: the Linux runtime identifier from the function's
/// architecture, self-contained for a custom runtime (<c>provided.al2023</c>) or framework-dependent for the managed one.
/// </summary>
/// <param name="ProjectPath">The handler's project file (absolute).</param>
/// <param name="Runtime">The Lambda runtime: <c>provided.al2023</c>, <c>provided.al2</c> or <c>dotnet8</c>.</param>
/// <param name="Architecture">The function's instruction set.</param>
/// <param name="Configuration">The build configuration (normally <c>Release</c>).</param>
/// <param name="OutputDirectory">The folder that receives the publish output.</param>
internal sealed record DotNetPublishRequest(
    string ProjectPath, string Runtime, LambdaArchitecture Architecture, string Configuration, string OutputDirectory)
{
    /// <summary>Gets the runtime identifier Lambda's Amazon Linux needs for the architecture.</summary>
    public string RuntimeIdentifier => Architecture == LambdaArchitecture.Arm64 ? "linux-arm64" : "linux-x64";

    /// <summary>Gets whether the output carries the .NET runtime (every runtime but the managed <c>dotnetN</c> ones).</summary>
    public bool SelfContained => !Runtime.StartsWith("dotnet", StringComparison.Ordinal);

    /// <summary>Creates the <c>dotnet</c> command-line arguments.</summary>
    /// <returns>The arguments, one per element.</returns>
    public IReadOnlyList<string> ToArguments() =>
    [
        "publish", ProjectPath,
        "--configuration", Configuration,
        "--runtime", RuntimeIdentifier,
        "--self-contained", SelfContained ? "true" : "false",
        "--output", OutputDirectory,
        "--nologo",

        // No compiler or MSBuild server outlives the publish: the AppHost or CI run that asked for it owns no such process.
        "--disable-build-servers",
    ];
}
