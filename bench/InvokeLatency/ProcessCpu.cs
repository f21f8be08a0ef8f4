using System.Diagnostics;
using System.Globalization;

namespace InvokeLatency;

/// <summary>
/// Reads the CPU time of this process and of its child processes (the function processes the host started) from
/// <c>/proc</c>, so the benchmark can report CPU per invocation: a figure the machine's load moves far less than rates.
/// </summary>
internal static class ProcessCpu
{
    private static readonly double s_ticksPerSecond = 100; // USER_HZ on Linux

    /// <summary>Returns the CPU time of this process.</summary>
    public static TimeSpan Self() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>Returns the CPU time (user + system) of this process's direct children.</summary>
    public static TimeSpan Children()
    {
        var total = 0L;
        foreach (var pid in ChildIds())
        {
            total += Ticks(pid);
        }

        return TimeSpan.FromSeconds(total / s_ticksPerSecond);
    }

    /// <summary>Returns the 1-minute load average.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static IEnumerable<int> ChildIds()
    {
        var self = Environment.ProcessId;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{self}/task"))
        {
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(task, "children"));
            }
            catch (IOException)
            {
                continue;
            }

            foreach (var id in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return int.Parse(id, CultureInfo.InvariantCulture);
            }
        }
    }

    private static long Ticks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // Fields after the command name (which may contain spaces) start at the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
