namespace EndToEnd.Tests;

/// <summary>
/// Lists every process a run started, from /proc (Linux): the descendants of a process and of the orchestrator (DCP)
/// that monitors it, which detaches from its parent and so is not a descendant itself.
/// </summary>
internal static class ChildProcesses
{
    public sealed record Info(int Pid, string Executable, string CommandLine)
    {
        public bool IsNode => Path.GetFileName(Executable) is "node" or "nodejs"
            || CommandLine.Split(' ', 2)[0] is var first && Path.GetFileName(first) is "node" or "nodejs";
    }

    public static IReadOnlyList<Info> Of(int root)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("ChildProcesses reads /proc; run this test on Linux (as CI does).");
        }

        var parents = new Dictionary<int, int>();
        var frontier = new Queue<int>([root]);
        var found = new List<Info>();
        var monitorArgument = $"--monitor {root.ToString(System.Globalization.CultureInfo.InvariantCulture)} ";
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && TryReadParent(pid) is { } parent)
            {
                parents[pid] = parent;
                var commandLine = ReadCommandLine(pid) + " ";
                if (parent != root && commandLine.Contains("dcp", StringComparison.Ordinal) && commandLine.Contains(monitorArgument, StringComparison.Ordinal))
                {
                    frontier.Enqueue(pid);
                    found.Add(new Info(pid, ReadExecutable(pid), commandLine.Trim()));
                }
            }
        }

        while (frontier.Count > 0)
        {
            var current = frontier.Dequeue();
            foreach (var (pid, parent) in parents)
            {
                if (parent == current)
                {
                    frontier.Enqueue(pid);
                    found.Add(new Info(pid, ReadExecutable(pid), ReadCommandLine(pid)));
                }
            }
        }

        return found;
    }

    private static int? TryReadParent(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces and parentheses, so split after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string ReadExecutable(int pid)
    {
        try
        {
            return new FileInfo($"/proc/{pid}/exe").LinkTarget ?? string.Empty;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static string ReadCommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
