using System.Text.Json;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.DynamoStreams.Cdk.Packaging;

/// <summary>
/// Turns a pattern's handler into Lambda code: a .NET project published for Linux into the staging folder (a
/// self-contained executable named <c>bootstrap</c> for <c>provided.al2023</c>, framework-dependent for <c>dotnet8</c>),
/// a Node.js code folder as it is, or nothing for an existing function.
/// </summary>
/// <param name="stagingDirectory">The obj-like folder that receives the publish outputs.</param>
/// <param name="appHostDirectory">The folder a relative project path is resolved against.</param>
/// <param name="configuration">The build configuration of the handler.</param>
internal sealed class HandlerPackager(string stagingDirectory, string appHostDirectory, string configuration)
{
    private readonly Dictionary<string, Task<HandlerPackage>> _published = new(StringComparer.Ordinal);
    private readonly DirectoryHasher _hasher = new(Path.Combine(stagingDirectory, "hashes"));

    /// <summary>Packages the handler of <paramref name="pattern"/>; a project shared by several patterns is published once.</summary>
    /// <param name="pattern">The declaration.</param>
    /// <param name="codeDirectoryOverride">A ready publish folder of a .NET handler (<c>HandlerCodeDirectory</c>), or null to publish the project.</param>
    /// <param name="cancellationToken">Cancels the publish.</param>
    /// <returns>The package, or null for an existing function.</returns>
    /// <exception cref="DistributedApplicationException">The code folder or project is missing, or <c>dotnet publish</c> failed.</exception>
    public async Task<HandlerPackage?> PackageAsync(DynamoStreamsLambdaResource pattern, string? codeDirectoryOverride, CancellationToken cancellationToken)
    {
        var handler = pattern.Handler;
        return handler.Kind switch
        {
            LambdaHandlerKind.ExistingFunction => null,
            LambdaHandlerKind.NodeCode => Hash(RequireDirectory(pattern, handler.CodePath!, "Node.js code folder"), handler.Handler!, cancellationToken),
            _ when !string.IsNullOrEmpty(codeDirectoryOverride) => Hash(
                RequireDirectory(pattern, codeDirectoryOverride, "handler publish folder (HandlerCodeDirectory)"),
                handler.Runtime!.StartsWith("dotnet", StringComparison.Ordinal) ? handler.Handler! : "bootstrap",
                cancellationToken),
            _ => await PublishOnceAsync(pattern, cancellationToken).ConfigureAwait(false),
        };
    }

    private Task<HandlerPackage> PublishOnceAsync(DynamoStreamsLambdaResource pattern, CancellationToken cancellationToken)
    {
        var project = Path.GetFullPath(Path.Combine(appHostDirectory, pattern.Handler.ProjectPath!));
        if (!File.Exists(project))
        {
            throw new DistributedApplicationException(
                $"DynamoStreams pattern '{pattern.Name}': the handler project '{project}' does not exist. Fix the path given to LambdaHandler.FromProject.");
        }

        var request = new DotNetPublishRequest(project, pattern.Handler.Runtime!, pattern.Function.Architecture, configuration, "");
        // No dot in the name: the CDK keeps a source folder's "extension" in the asset folder's name.
        var folder = $"{Path.GetFileNameWithoutExtension(project)}-{request.RuntimeIdentifier}-{request.Runtime}".Replace('.', '-');
        request = request with { OutputDirectory = Path.Combine(stagingDirectory, "handlers", folder) };
        lock (_published)
        {
            if (!_published.TryGetValue(request.OutputDirectory, out var task))
            {
                task = PublishAsync(pattern, request, cancellationToken);
                _published[request.OutputDirectory] = task;
            }

            return task;
        }
    }

    private async Task<HandlerPackage> PublishAsync(DynamoStreamsLambdaResource pattern, DotNetPublishRequest request, CancellationToken cancellationToken)
    {
        // A fresh folder each time: files left from an earlier publish must not ship in the asset.
        if (Directory.Exists(request.OutputDirectory))
        {
            Directory.Delete(request.OutputDirectory, recursive: true);
        }

        var (exitCode, output) = await DotNetCli.RunAsync(request.ToArguments(), cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new DistributedApplicationException(
                $"DynamoStreams pattern '{pattern.Name}': 'dotnet {string.Join(' ', request.ToArguments())}' failed with exit code {exitCode}. " +
                $"Fix the handler's build (its output follows), or give a ready Linux publish folder with WithCdkStackOptions(o => o.HandlerCodeDirectory = ...).{Environment.NewLine}{output}");
        }

        var assemblyName = EntryAssemblyName(pattern, request);
        string handlerName;
        if (request.SelfContained)
        {
            // provided.al2023 starts the file named bootstrap. Renaming the apphost (it finds its .dll by the name built
            // into it) keeps the assembly name; -p:AssemblyName=bootstrap would also rename every referenced project.
            var apphost = Path.Combine(request.OutputDirectory, assemblyName);
            if (!File.Exists(apphost))
            {
                throw new DistributedApplicationException(
                    $"DynamoStreams pattern '{pattern.Name}': the publish of '{request.ProjectPath}' has no executable '{assemblyName}' to start as bootstrap. " +
                    "The handler must be an executable (OutputType Exe) with UseAppHost left on.");
            }

            File.Move(apphost, Path.Combine(request.OutputDirectory, "bootstrap"), overwrite: true);
            handlerName = "bootstrap";
        }
        else
        {
            handlerName = assemblyName;
        }

        var hash = _hasher.Hash(request.OutputDirectory, cancellationToken);
        return new HandlerPackage(request.OutputDirectory, hash, handlerName);
    }

    /// <summary>Finds the entry assembly (the one with a runtimeconfig) and checks a managed runtime can run it.</summary>
    private static string EntryAssemblyName(DynamoStreamsLambdaResource pattern, DotNetPublishRequest request)
    {
        var configs = Directory.GetFiles(request.OutputDirectory, "*.runtimeconfig.json");
        if (configs.Length != 1)
        {
            throw new DistributedApplicationException(
                $"DynamoStreams pattern '{pattern.Name}': the publish of '{request.ProjectPath}' has {configs.Length} runtimeconfig.json files where one was expected. " +
                "The handler must be an executable project (OutputType Exe).");
        }

        var name = Path.GetFileName(configs[0])[..^".runtimeconfig.json".Length];
        if (!request.SelfContained)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(configs[0]));
            var version = document.RootElement.GetProperty("runtimeOptions").TryGetProperty("framework", out var framework)
                ? framework.GetProperty("version").GetString()
                : null;
            var runtimeMajor = request.Runtime["dotnet".Length..];
            if (version is not null && !version.StartsWith(runtimeMajor + ".", StringComparison.Ordinal))
            {
                throw new DistributedApplicationException(
                    $"DynamoStreams pattern '{pattern.Name}': the handler '{request.ProjectPath}' targets .NET {version}, which Lambda's managed runtime '{request.Runtime}' cannot run. " +
                    $"Use LambdaHandler.FromProject(..., \"provided.al2023\") (self-contained, any .NET version) or target net{runtimeMajor}.0.");
            }
        }

        return name;
    }

    private HandlerPackage Hash(string directory, string handler, CancellationToken cancellationToken) =>
        new(directory, _hasher.Hash(directory, cancellationToken), handler);

    private static string RequireDirectory(DynamoStreamsLambdaResource pattern, string path, string what)
    {
        var full = Path.GetFullPath(path);
        if (!Directory.Exists(full))
        {
            throw new DistributedApplicationException(
                $"DynamoStreams pattern '{pattern.Name}': the {what} '{full}' does not exist. Create it or fix the path in the declaration.");
        }

        return full;
    }
}
