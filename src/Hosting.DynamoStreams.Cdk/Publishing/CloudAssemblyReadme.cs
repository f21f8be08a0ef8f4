using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Aspire.Hosting.DynamoStreams.Cdk.Publishing;

/// <summary>
/// Writes <c>README.md</c> into a published cloud assembly for whoever deploys it (a CI job, a platform team): which
/// stacks it holds in which order, each stack's parameters and outputs, and the exact CDK CLI commands. Read from the
/// assembly's own <c>manifest.json</c> and templates, so it always describes what is there.
/// </summary>
internal static class CloudAssemblyReadme
{
    /// <summary>The file's name; the CDK CLI reads only <c>manifest.json</c>, so it sits beside the assembly harmlessly.</summary>
    public const string FileName = "README.md";

    /// <summary>Writes the README of the assembly in <paramref name="directory"/>.</summary>
    /// <param name="directory">The cloud assembly folder.</param>
    /// <param name="stackNames">The stacks in deployment order (owners of shared tables first).</param>
    public static void Write(string directory, IReadOnlyList<string> stackNames)
    {
        var stacks = ReadStacks(directory);
        var text = new StringBuilder();
        text.AppendLine("# DynamoStreams cloud assembly");
        text.AppendLine();
        text.AppendLine("Written by `aspire publish` from the AppHost's `AddDynamoStreamsLambda` declarations: one CloudFormation stack per");
        text.AppendLine("pattern, with the handlers' code as assets. Deploying it needs the AWS CDK CLI and credentials, not .NET or the AppHost.");
        text.AppendLine();
        text.AppendLine("```bash");
        text.AppendLine(CultureInfo.InvariantCulture, $"npx cdk bootstrap                              # once per account and region (the assets bucket)");
        text.AppendLine(CultureInfo.InvariantCulture, $"npx cdk deploy --app \"{directory}\" --all   # or from this folder: npx cdk deploy --app . --all");
        text.AppendLine(CultureInfo.InvariantCulture, $"npx cdk diff --app \"{directory}\"           # what a deploy would change");
        text.AppendLine(CultureInfo.InvariantCulture, $"npx cdk ls --app \"{directory}\"             # {string.Join(", ", stackNames)}");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("Stacks, in deployment order (`--all` follows it: a stack that shares another's table comes after its owner):");
        text.AppendLine();
        text.AppendLine("| Stack | Environment | Parameters | Outputs |");
        text.AppendLine("| --- | --- | --- | --- |");
        foreach (var name in stackNames)
        {
            var stack = stacks.GetValueOrDefault(name) ?? new StackSummary(name, "?", [], []);
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{name}` | `{stack.Environment}` | {List(stack.Parameters)} | {List(stack.Outputs)} |");
        }

        text.AppendLine();
        text.AppendLine("An environment of `unknown-account/unknown-region` deploys to the CLI's account and region (`AWS_PROFILE`,");
        text.AppendLine("`AWS_REGION`). `BootstrapVersion` is CDK's own parameter, read from the bootstrap stack: nothing to pass.");
        var path = Path.Combine(directory, FileName);
        var content = text.ToString();
        if (!File.Exists(path) || File.ReadAllText(path) != content)
        {
            File.WriteAllText(path, content);
        }
    }

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names.Select(n => $"`{n}`"));

    private static Dictionary<string, StackSummary> ReadStacks(string directory)
    {
        var stacks = new Dictionary<string, StackSummary>(StringComparer.Ordinal);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "manifest.json")));
        if (!manifest.RootElement.TryGetProperty("artifacts", out var artifacts))
        {
            return stacks;
        }

        foreach (var artifact in artifacts.EnumerateObject())
        {
            if (artifact.Value.GetProperty("type").GetString() != "aws:cloudformation:stack"
                || !artifact.Value.TryGetProperty("properties", out var properties)
                || !properties.TryGetProperty("templateFile", out var templateFile))
            {
                continue;
            }

            var name = properties.TryGetProperty("stackName", out var stackName) ? stackName.GetString()! : artifact.Name;
            var environment = artifact.Value.TryGetProperty("environment", out var env) ? env.GetString()! : "?";
            using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, templateFile.GetString()!)));
            stacks[name] = new StackSummary(name, environment, Names(template.RootElement, "Parameters"), Names(template.RootElement, "Outputs"));
        }

        return stacks;
    }

    private static List<string> Names(JsonElement template, string section) =>
        template.TryGetProperty(section, out var members) ? [.. members.EnumerateObject().Select(m => m.Name)] : [];

    private sealed record StackSummary(string Name, string Environment, IReadOnlyList<string> Parameters, IReadOnlyList<string> Outputs);
}
