namespace DynamoStreams.LocalLambda.Processes;

/// <summary>
/// Configures a <see cref="DotNetExecutableRunner"/>.
/// </summary>
public sealed class DotNetExecutableRunnerOptions
{
    /// <summary>Gets the command-line arguments passed to the app.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>
    /// Gets the value of <c>_HANDLER</c>. Defaults to the assembly name, as for an executable-assembly handler. A
    /// class-library handler string (<c>Assembly::Namespace.Type::Method</c>) is validated when the process starts;
    /// an invalid one fails the first invocation with Lambda's <c>LambdaException</c> message (spec C.4).
    /// </summary>
    public string? Handler { get; init; }

    /// <summary>
    /// Gets the value of <c>AWS_EXECUTION_ENV</c>, for example <c>AWS_Lambda_dotnet8</c> for the managed runtime.
    /// Defaults to <see langword="null"/>: a custom runtime (<c>provided.al2023</c>), which has none.
    /// </summary>
    public string? ExecutionEnvironment { get; init; }

    /// <summary>Gets the path of the <c>dotnet</c> host used for a <c>.dll</c>; found automatically when <see langword="null"/>.</summary>
    public string? DotNetHostPath { get; init; }
}
