using System.Diagnostics;
using System.Globalization;

namespace UserAdmin.Benchmarks;

/// <summary>
/// Runs one of our steps in a fresh process of this program, so that its time and its peak memory are
/// its own and not inflated by the steps before it.
/// </summary>
internal static class ChildStep
{
    public const string Flag = "--step";
    private const string ResultPrefix = "STEP-RESULT ";
    private const string PartPrefix = "STEP-PART ";

    public static (double Seconds, double PeakRssMegabytes) Run(string step, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildStep).Assembly.Location);
        }

        start.ArgumentList.Add(Flag);
        start.ArgumentList.Add(step);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Step {step} did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var result = output.Split('\n').LastOrDefault(line => line.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"Step {step} failed ({process.ExitCode}):\n{output}\n{errors.Result}");
        }

        var parts = output.Split('\n').Where(line => line.StartsWith(PartPrefix, StringComparison.Ordinal)).Select(line => line[PartPrefix.Length..].Trim()).ToList();
        if (parts.Count > 0)
        {
            Console.WriteLine($"#   {step}: {string.Join(", ", parts)}");
        }

        var fields = result[ResultPrefix.Length..].Split(' ');
        return (double.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Inside the child: times <paramref name="work"/> and reports it to the parent.</summary>
    public static async Task<int> ReportAsync(Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ResultPrefix}{watch.Elapsed.TotalSeconds:R} {PeakMemory.Megabytes():R}"));
        return 0;
    }

    /// <summary>Inside the child: the time of each part of a step (P1's upload, preview and apply), printed for the parent.</summary>
    public sealed class Parts
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();

        public void End(string name)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{PartPrefix}{name} {_watch.Elapsed.TotalSeconds:0.000} s"));
            _watch.Restart();
        }
    }
}
