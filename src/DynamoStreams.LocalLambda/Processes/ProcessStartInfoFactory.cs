using System.Diagnostics;

namespace DynamoStreams.LocalLambda.Processes;

/// <summary>
/// Creates start infos whose environment is the function's environment only (plus the pass-through variables),
/// as in Lambda, where a function does not inherit the environment of whoever started it.
/// </summary>
internal static class ProcessStartInfoFactory
{
    public static ProcessStartInfo Create(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var inherited = new Dictionary<string, string?>(startInfo.Environment, StringComparer.Ordinal);
        startInfo.Environment.Clear();
        foreach (var name in FunctionEnvironment.PassThroughVariables)
        {
            if (inherited.TryGetValue(name, out var value) && value is not null)
            {
                startInfo.Environment[name] = value;
            }
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        return startInfo;
    }
}
