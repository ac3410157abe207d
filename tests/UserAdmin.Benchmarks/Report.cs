using System.Globalization;
using System.Text;

namespace UserAdmin.Benchmarks;

/// <summary>Prints each figure as it is measured, then the markdown table that goes into docs/benchmarks.md.</summary>
internal sealed class Report(BenchmarkOptions options, BenchmarkServer server)
{
    private readonly List<Measurement> _measurements = [];
    private readonly List<Growth> _growths = [];
    private readonly string _loadAtStart = LoadAverage();

    public void Add(Measurement measurement)
    {
        _measurements.Add(measurement);
        Console.WriteLine(measurement.Line());
    }

    public void Add(Growth growth)
    {
        _growths.Add(growth);
        Console.WriteLine(growth.Line());
    }

    public string MarkdownTable()
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"Run: provider={options.Provider}, users={options.Users}, pairs={options.Pairs}, rows per user per type={options.RowsPerUser}{(options.Quick ? " (quick)" : string.Empty)}, best of {options.Repeat}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average at the start {_loadAtStart}, at the end {LoadAverage()}. Baselines: {server.BaselinesDescription}.");
        table.AppendLine();
        table.AppendLine("| id | work | ours (s) | baseline (s) | ratio | peak RSS (MB) |");
        table.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var m in _measurements)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {m.Id} | {m.Name} | {m.OursSeconds:0.000} | {m.BaselineSeconds:0.000} | {m.Ratio:0.00} | {m.PeakRssMegabytes:0} |");
        }

        table.AppendLine();
        table.AppendLine("| id | work (ours) | small (s) | large (s) | growth |");
        table.AppendLine("|---|---|---:|---:|---:|");
        foreach (var g in _growths)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| P4 | {g.Name}: {options.SmallUsers:N0} → {options.Users:N0} users | {g.SmallSeconds:0.000} | {g.LargeSeconds:0.000} | {g.Factor:0.00} |");
        }

        return table.ToString();
    }

    /// <summary>The 1-minute load average: on a shared machine it says how much other work ran beside the benchmark.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
