using System.Globalization;

namespace UserAdmin.Benchmarks;

/// <summary>The process's peak resident set (VmHWM), which is what an operator sees as "the app needed this much".</summary>
internal static class PeakMemory
{
    public static double Megabytes()
    {
        const string statusFile = "/proc/self/status";
        if (!File.Exists(statusFile))
        {
            return Environment.WorkingSet / 1024.0 / 1024.0;
        }

        var line = File.ReadLines(statusFile).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kilobytes is null ? 0 : double.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024.0;
    }
}
