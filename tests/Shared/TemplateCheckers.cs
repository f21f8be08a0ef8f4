using System.Diagnostics;
using System.Text.Json;

namespace DynamoStreams.Tests.Shared;

/// <summary>One finding of a template checker: the rule, its level, the template file and the message.</summary>
internal sealed record TemplateFinding(string Rule, string Level, string Template, string Resource, string Message)
{
    public override string ToString() => $"{Template}: {Level} {Rule} on {Resource}: {Message}";
}

/// <summary>
/// Runs AWS's own template checkers on synthesised templates: cfn-lint (installed on the machine) and cdk-nag's
/// AwsSolutions pack (tests/node/nag-check.js, from <c>npm ci</c> in tests/node).
/// </summary>
internal static class TemplateCheckers
{
    /// <summary>Runs <c>cfn-lint</c> over the templates and returns every finding.</summary>
    public static async Task<IReadOnlyList<TemplateFinding>> CfnLintAsync(string repoRoot, IReadOnlyList<string> templates)
    {
        var (exitCode, output, error) = await RunAsync(
            "cfn-lint", ["--format", "json", .. templates],
            "cfn-lint is not installed: install it with 'pip install cfn-lint' (these tests were written against cfn-lint 1.51.0).");

        // cfn-lint exits non-zero whenever it finds something (2 errors, 4 warnings, 8 informational); anything else is a failure to run.
        if (exitCode is not (0 or 2 or 4 or 6 or 8 or 10 or 12 or 14))
        {
            throw new InvalidOperationException($"cfn-lint failed with exit code {exitCode}: {error}\n{output}");
        }

        using var document = JsonDocument.Parse(output);
        return [.. document.RootElement.EnumerateArray().Select(f => new TemplateFinding(
            f.GetProperty("Rule").GetProperty("Id").GetString()!,
            f.GetProperty("Level").GetString()!,
            Path.GetFileName(f.GetProperty("Filename").GetString()!),
            string.Join('/', f.GetProperty("Location").GetProperty("Path").EnumerateArray().Take(2).Select(p => p.ToString())),
            f.GetProperty("Message").GetString()!))];
    }

    /// <summary>Runs cdk-nag's AwsSolutions pack over the templates and returns the findings that are not suppressed.</summary>
    public static async Task<IReadOnlyList<TemplateFinding>> CdkNagAsync(string repoRoot, IReadOnlyList<string> templates)
    {
        var nodeTools = Path.Combine(repoRoot, "tests", "node");
        if (!Directory.Exists(Path.Combine(nodeTools, "node_modules", "cdk-nag")))
        {
            throw new InvalidOperationException($"cdk-nag is missing: run 'npm ci' in {nodeTools}.");
        }

        var (exitCode, output, error) = await RunAsync(
            "node", [Path.Combine(nodeTools, "nag-check.js"), .. templates], "Node.js is not on the PATH: install Node.js 20 or later.");
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"nag-check.js failed with exit code {exitCode}: {error}\n{output}");
        }

        using var document = JsonDocument.Parse(output);
        return [.. document.RootElement.EnumerateArray().Select(f => new TemplateFinding(
            f.GetProperty("rule").GetString()!,
            f.GetProperty("level").GetString()!,
            f.GetProperty("template").GetString()!,
            f.GetProperty("path").GetString()!.Split('/')[^1],
            f.GetProperty("message").GetString()!))];
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string fileName, IEnumerable<string> arguments, string whenMissing)
    {
        var startInfo = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION"] = "1";
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(whenMissing);
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
