using System.Diagnostics;

namespace UserAdmin.Benchmarks;

/// <summary>
/// The raw baseline: Debian's <c>sqlite3</c> command-line shell doing the same work as the app with
/// nothing in between.
/// </summary>
internal static class Sqlite3Cli
{
    public const string InstallHint = "The baselines need the sqlite3 command-line shell: apt-get install -y sqlite3";

    public static string? Locate() =>
        Environment.GetEnvironmentVariable("PATH")?
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "sqlite3"))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs <paramref name="script"/> against <paramref name="database"/> and returns the elapsed seconds.</summary>
    public static double Run(string database, string script, params string[] options)
    {
        var executable = Locate() ?? throw new InvalidOperationException(InstallHint);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }

        start.ArgumentList.Add(database);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("sqlite3 did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0 || errors.Result.Length > 0)
        {
            throw new InvalidOperationException($"sqlite3 failed ({process.ExitCode}): {errors.Result}{output.Result}");
        }

        return watch.Elapsed.TotalSeconds;
    }
}
