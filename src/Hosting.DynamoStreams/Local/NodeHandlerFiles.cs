using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.DynamoStreams.Validation;

namespace Aspire.Hosting.DynamoStreams.Local;

/// <summary>
/// Checks that a Node.js handler's code folder holds the module its handler string names.
/// </summary>
internal static class NodeHandlerFiles
{
    private static readonly string[] s_extensions = [".js", ".mjs", ".cjs"];

    /// <summary>
    /// Throws when the folder or the handler module is missing.
    /// </summary>
    /// <param name="pattern">The pattern, named in the error.</param>
    /// <param name="codePath">The absolute code folder.</param>
    /// <param name="handler">The handler string, such as <c>index.handler</c>.</param>
    /// <returns>The module file found.</returns>
    public static string EnsureExists(DynamoStreamsLambdaResource pattern, string codePath, string handler)
    {
        if (!Directory.Exists(codePath))
        {
            throw DynamoStreamsLambdaValidator.Fail(pattern, $"the Node.js code folder '{codePath}' does not exist. Pass LambdaHandler.FromNodeCode a folder relative to the AppHost project that contains the handler's module.");
        }

        LambdaHandler.TrySplitNodeHandler(handler, out var module, out _);
        foreach (var extension in s_extensions)
        {
            var file = Path.Combine(codePath, module + extension);
            if (File.Exists(file))
            {
                return file;
            }
        }

        throw DynamoStreamsLambdaValidator.Fail(pattern, $"the Node.js handler '{handler}' needs {module}.js, {module}.mjs or {module}.cjs in '{codePath}'. Add the module, or change the handler string ('file.export').");
    }
}
