using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Benchmarks;

/// <summary>A prepared people database and the P1 file made from it.</summary>
internal sealed record PeopleSet(int Users, BenchmarkDatabase Database, string ImportFile, ImportFileContents Contents);

/// <summary>
/// One benchmark run: prepares the databases and files once, then measures each figure on a fresh
/// copy of its database, ours in a child process and the baseline with the database's own client.
/// </summary>
internal sealed class BenchmarkRun(BenchmarkOptions options, BenchmarkServer server)
{
    private readonly Report _report = new(options, server);

    public async Task RunAsync()
    {
        Directory.CreateDirectory(options.WorkDirectory);
        Progress("baselines: " + server.BaselinesDescription);
        var large = await PreparePeopleAsync(options.Users);
        var small = await PreparePeopleAsync(options.SmallUsers);

        var import = MeasureImport(large);
        _report.Add(import);
        var export = MeasureExport(large);
        _report.Add(export);
        Delete(large);

        await MeasureTransfersAsync();

        var smallImport = MeasureImport(small);
        var smallExport = MeasureExport(small);
        Delete(small);
        _report.Add(new Growth("import", smallImport.OursSeconds, import.OursSeconds));
        _report.Add(new Growth("export", smallExport.OursSeconds, export.OursSeconds));

        Console.WriteLine();
        Console.Write(_report.MarkdownTable());
    }

    private async Task<PeopleSet> PreparePeopleAsync(int users)
    {
        var watch = Stopwatch.StartNew();
        var database = server.Create($"people-{users}");
        var file = WorkFile($"people-{users}.csv");
        await using var services = BenchmarkServices.For(database);
        await BenchmarkTenant.CreateAsync(services, users - 1);
        var contents = await ImportFile.WriteAsync(services, file);
        await server.ReadyToCopyAsync(services);
        Progress($"prepared {users:N0} users and a {contents.Rows:N0}-row people.csv ({contents.NewUsers:N0} new, {contents.UpdatedUsers:N0} updated, {new FileInfo(file).Length / 1e6:0.0} MB) in {watch.Elapsed.TotalSeconds:0.0} s");
        return new PeopleSet(users, database, file, contents);
    }

    private Measurement MeasureImport(PeopleSet set)
    {
        var (ours, peak) = Best(() => OnCopy(set.Database, copy => ChildStep.Run(OurSteps.Import, OurSteps.ImportArguments(copy, set.ImportFile, set.Contents))));
        var baseline = Best(() => OnCopy(set.Database, copy => server.ImportBaseline(copy, set.ImportFile)));
        return new Measurement("P1", $"import {set.Contents.Rows:N0} rows", ours, baseline, peak);
    }

    private Measurement MeasureExport(PeopleSet set)
    {
        var output = WorkFile("export.csv");
        var (ours, peak) = Best(() => OnCopy(set.Database, copy => ChildStep.Run(OurSteps.Export, OurSteps.ExportArguments(copy, output))));
        var ourLines = Lines(output);
        var baseline = Best(() => OnCopy(set.Database, copy => server.ExportBaseline(copy, output)));
        var baselineLines = Lines(output);
        File.Delete(output);
        if (ourLines != set.Users + 1 || baselineLines != ourLines)
        {
            throw new InvalidOperationException($"Export of {set.Users} users: ours wrote {ourLines} lines, the baseline {baselineLines}.");
        }

        return new Measurement("P2", $"export {set.Users:N0} users", ours, baseline, peak);
    }

    private async Task MeasureTransfersAsync()
    {
        var watch = Stopwatch.StartNew();
        var database = server.Create("transfers");
        await using (var services = BenchmarkServices.For(database))
        {
            await TransferData.CreateAsync(services, options.Pairs, options.RowsPerUser);
            await server.ReadyToCopyAsync(services);
            Progress($"prepared {2 * options.Pairs:N0} agents owning {options.RowsPerUser:N0} rows of each data type in {watch.Elapsed.TotalSeconds:0.0} s");

            var (ours, peak) = Best(() => OnCopy(database, copy => ChildStep.Run(OurSteps.Transfer, OurSteps.TransferArguments(copy, options.Pairs, options.RowsPerUser))));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<UserAdminDbContext>();
            var baseline = Best(() => OnCopy(database, copy => server.TransferBaseline(copy, db, TransferData.Pairs(options.Pairs))));
            _report.Add(new Measurement("P3", $"transfer {options.Pairs:N0} pairs × {options.RowsPerUser:N0} rows/type", ours, baseline, peak));
        }

        server.Delete(database);
    }

    /// <summary>The shortest of <see cref="BenchmarkOptions.Repeat"/> runs, with the largest peak memory among them.</summary>
    private (double Seconds, double PeakRssMegabytes) Best(Func<(double Seconds, double PeakRssMegabytes)> measure)
    {
        var runs = Enumerable.Range(0, options.Repeat).Select(_ => measure()).ToList();
        return (runs.Min(r => r.Seconds), runs.Max(r => r.PeakRssMegabytes));
    }

    private double Best(Func<double> measure) => Enumerable.Range(0, options.Repeat).Min(_ => measure());

    /// <summary>Runs <paramref name="measure"/> on a fresh copy of <paramref name="database"/>, deleted afterwards.</summary>
    private T OnCopy<T>(BenchmarkDatabase database, Func<BenchmarkDatabase, T> measure)
    {
        var copy = server.CopyOf(database);
        try
        {
            return measure(copy);
        }
        finally
        {
            server.Delete(copy);
        }
    }

    private void Delete(PeopleSet set)
    {
        if (options.KeepDirectory is { } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(SqliteBenchmarkServer.PathOf(set.Database), Path.Combine(keep, $"people-{set.Users}.db"), overwrite: true);
            File.Copy(set.ImportFile, Path.Combine(keep, $"people-{set.Users}.csv"), overwrite: true);
            Progress($"kept people-{set.Users}.db and people-{set.Users}.csv in {keep}; run a step on a copy with: --step {OurSteps.Import} Sqlite \"Data Source=COPY.db\" {Path.Combine(keep, $"people-{set.Users}.csv")} {set.Contents.Rows} {set.Contents.NewUsers} {set.Contents.UpdatedUsers}");
        }

        server.Delete(set.Database);
        File.Delete(set.ImportFile);
    }

    private string WorkFile(string name) => Path.Combine(options.WorkDirectory, name);

    private static long Lines(string file)
    {
        using var stream = File.OpenRead(file);
        var buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }

    private static void Progress(string message) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {message}"));
}
