using System.Diagnostics;

namespace UserAdmin.Benchmarks;

/// <summary>
/// A raw baseline's command-line client (Debian's <c>sqlite3</c> or <c>psql</c>) doing the work with
/// nothing of ours in between: a script on its standard input, timed from the process start to its exit.
/// </summary>
internal sealed class CommandLineTool(string name, string installHint)
{
    public string InstallHint { get; } = installHint;

    public string? Locate() =>
        Environment.GetEnvironmentVariable("PATH")?
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs <paramref name="script"/> and returns the elapsed seconds; any error output fails the run.</summary>
    public double Run(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Locate() ?? throw new InvalidOperationException(InstallHint))
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0 || errors.Result.Length > 0)
        {
            throw new InvalidOperationException($"{name} failed ({process.ExitCode}): {errors.Result}{output.Result}");
        }

        return watch.Elapsed.TotalSeconds;
    }
}
