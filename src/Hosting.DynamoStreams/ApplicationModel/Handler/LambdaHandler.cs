using System.Diagnostics.CodeAnalysis;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Says which code handles the stream: a .NET project, a Node.js code folder, or a function that exists in AWS.
/// </summary>
public sealed class LambdaHandler
{
    private LambdaHandler(LambdaHandlerKind kind)
    {
        Kind = kind;
    }

    /// <summary>Gets where the code comes from.</summary>
    public LambdaHandlerKind Kind { get; }

    /// <summary>Gets the project file of a <see cref="LambdaHandlerKind.Project"/> handler.</summary>
    public string? ProjectPath { get; private init; }

    /// <summary>Gets the code folder of a <see cref="LambdaHandlerKind.NodeCode"/> handler (relative to the AppHost until the pattern is added, then absolute).</summary>
    public string? CodePath { get; internal set; }

    /// <summary>Gets the handler string: <c>file.export</c> for Node.js (e.g. <c>index.handler</c>), the assembly name for .NET.</summary>
    public string? Handler { get; private init; }

    /// <summary>
    /// Gets the Lambda runtime identifier used in AWS: <c>nodejs24.x</c> by default for Node.js, <c>provided.al2023</c>
    /// (a self-contained <c>bootstrap</c>) by default for .NET, or <c>dotnet10</c> for the managed .NET runtime
    /// (<c>dotnet8</c> is still accepted, with a warning: AWS deprecated it on 2026-11-10 and blocks creating functions
    /// with it from 2026-12-10).
    /// </summary>
    public string? Runtime { get; private init; }

    /// <summary>Gets the function name or ARN of an <see cref="LambdaHandlerKind.ExistingFunction"/> handler.</summary>
    public string? FunctionNameOrArn { get; private init; }

    /// <summary>
    /// Creates a handler from a .NET project known to the AppHost (<c>Projects.X</c>).
    /// </summary>
    /// <typeparam name="TProject">The project metadata type the AppHost SDK generates.</typeparam>
    /// <param name="runtime">The Lambda runtime in AWS: <c>provided.al2023</c> (default), <c>provided.al2</c>, <c>dotnet10</c> (the managed runtime) or the deprecated <c>dotnet8</c>.</param>
    /// <returns>The handler.</returns>
    public static LambdaHandler FromProject<TProject>(string runtime = "provided.al2023")
        where TProject : IProjectMetadata, new()
    {
        return FromProject(new TProject().ProjectPath, runtime);
    }

    /// <summary>
    /// Creates a handler from the path of a .NET project file.
    /// </summary>
    /// <param name="projectPath">The <c>.csproj</c> path (relative to the AppHost or absolute).</param>
    /// <param name="runtime">The Lambda runtime in AWS: <c>provided.al2023</c> (default), <c>provided.al2</c>, <c>dotnet10</c> (the managed runtime) or the deprecated <c>dotnet8</c>.</param>
    /// <returns>The handler.</returns>
    public static LambdaHandler FromProject(string projectPath, string runtime = "provided.al2023")
    {
        ArgumentException.ThrowIfNullOrEmpty(projectPath);
        ArgumentException.ThrowIfNullOrEmpty(runtime);
        if (runtime is not ("provided.al2023" or "provided.al2" or "dotnet10" or "dotnet8"))
        {
            throw new ArgumentException(
                $"The .NET handler runtime '{runtime}' is not supported: use 'provided.al2023' (a self-contained bootstrap, the default) or 'dotnet10' (the managed runtime).",
                nameof(runtime));
        }

        return new LambdaHandler(LambdaHandlerKind.Project)
        {
            ProjectPath = projectPath,
            Handler = Path.GetFileNameWithoutExtension(projectPath),
            Runtime = runtime,
        };
    }

    /// <summary>
    /// Creates a handler from a Node.js code folder, as the seed's <c>Code.fromAsset('lambda')</c> with <c>index.handler</c>.
    /// </summary>
    /// <param name="codePath">The code folder (relative to the AppHost or absolute).</param>
    /// <param name="handler">The handler, <c>file.export</c> (default <c>index.handler</c>).</param>
    /// <param name="runtime">The Node.js Lambda runtime (default <c>nodejs24.x</c>, the newest Lambda supports).</param>
    /// <returns>The handler.</returns>
    public static LambdaHandler FromNodeCode(string codePath, string handler = "index.handler", string runtime = "nodejs24.x")
    {
        ArgumentException.ThrowIfNullOrEmpty(codePath);
        ArgumentException.ThrowIfNullOrEmpty(handler);
        ArgumentException.ThrowIfNullOrEmpty(runtime);
        if (!TrySplitNodeHandler(handler, out _, out _))
        {
            throw new ArgumentException(
                $"The Node.js handler '{handler}' must be 'file.export' (for example 'index.handler' for an 'handler' export in index.js).",
                nameof(handler));
        }

        if (!runtime.StartsWith("nodejs", StringComparison.Ordinal) || !runtime.EndsWith(".x", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The Node.js runtime '{runtime}' is not a Lambda Node.js runtime: use an identifier such as 'nodejs24.x'.",
                nameof(runtime));
        }

        return new LambdaHandler(LambdaHandlerKind.NodeCode) { CodePath = codePath, Handler = handler, Runtime = runtime };
    }

    /// <summary>
    /// Creates a reference to a function that exists in AWS (the seed's <c>existingLambdaObj</c>). Cloud-only: a local
    /// run rejects it because there is no code to run.
    /// </summary>
    /// <param name="functionNameOrArn">The function name or ARN.</param>
    /// <returns>The handler.</returns>
    public static LambdaHandler FromExistingFunction(string functionNameOrArn)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionNameOrArn);
        return new LambdaHandler(LambdaHandlerKind.ExistingFunction) { FunctionNameOrArn = functionNameOrArn };
    }

    /// <summary>
    /// Splits a Node.js handler string into its module file and export name.
    /// </summary>
    /// <param name="handler">The handler, such as <c>index.handler</c> or <c>src/app.main</c>.</param>
    /// <param name="module">The module path without extension.</param>
    /// <param name="export">The exported function name.</param>
    /// <returns>Whether the handler has both parts.</returns>
    public static bool TrySplitNodeHandler(string handler, [NotNullWhen(true)] out string? module, [NotNullWhen(true)] out string? export)
    {
        var dot = handler.LastIndexOf('.');
        if (dot <= 0 || dot == handler.Length - 1)
        {
            module = null;
            export = null;
            return false;
        }

        module = handler[..dot];
        export = handler[(dot + 1)..];
        return true;
    }
}
