using System.Diagnostics.CodeAnalysis;

namespace DynamoStreams.LocalLambda.Processes;

/// <summary>
/// Parses a managed .NET class-library handler string, <c>Assembly::Namespace.Type::Method</c> (spec C.4), with the
/// messages of Amazon.Lambda.RuntimeSupport.
/// </summary>
/// <param name="AssemblyName">The assembly name, without <c>.dll</c>.</param>
/// <param name="TypeName">The full type name, for example <c>MyApp.Function</c>.</param>
/// <param name="MethodName">The method name.</param>
public sealed record HandlerInfo(string AssemblyName, string TypeName, string MethodName)
{
    /// <summary>The separator between the three parts.</summary>
    public const string Separator = "::";

    /// <summary>The error type Lambda reports for an invalid handler string.</summary>
    public const string ErrorType = "LambdaException";

    /// <summary>Parses <paramref name="handler"/> or throws a <see cref="FunctionInitException"/> with Lambda's message.</summary>
    /// <param name="handler">The handler string.</param>
    /// <returns>The parts.</returns>
    /// <exception cref="FunctionInitException">The string is not <c>ASSEMBLY::TYPE::METHOD</c>.</exception>
    public static HandlerInfo Parse(string? handler) =>
        TryParse(handler, out var info, out var error) ? info : throw new FunctionInitException(ErrorType, error);

    /// <summary>Parses <paramref name="handler"/>, giving Lambda's message when it is invalid.</summary>
    /// <param name="handler">The handler string.</param>
    /// <param name="info">The parts when valid.</param>
    /// <param name="error">The message when invalid, as Amazon.Lambda.RuntimeSupport words it.</param>
    /// <returns><see langword="true"/> when the string has exactly three non-empty parts.</returns>
    public static bool TryParse(
        string? handler,
        [NotNullWhen(true)] out HandlerInfo? info,
        [NotNullWhen(false)] out string? error)
    {
        info = null;
        const string Format = "The valid format is 'ASSEMBLY::TYPE::METHOD'.";
        if (string.IsNullOrWhiteSpace(handler))
        {
            error = "Empty lambda function handler. " + Format;
            return false;
        }

        var parts = handler.Split(Separator, StringSplitOptions.None);
        if (parts.Length != 3)
        {
            error = $"Invalid lambda function handler: '{handler}'. {Format}";
            return false;
        }

        var missing = string.IsNullOrWhiteSpace(parts[0]) ? "assembly"
            : string.IsNullOrWhiteSpace(parts[1]) ? "type"
            : string.IsNullOrWhiteSpace(parts[2]) ? "method"
            : null;
        if (missing is not null)
        {
            error = $"Invalid lambda function handler: '{handler}', the {missing} is missing. {Format}";
            return false;
        }

        info = new HandlerInfo(parts[0].Trim(), parts[1].Trim(), parts[2].Trim());
        error = null;
        return true;
    }
}
