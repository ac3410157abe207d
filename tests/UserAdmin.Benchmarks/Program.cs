using UserAdmin.Benchmarks;

// Usage: dotnet run -c Release --project tests/UserAdmin.Benchmarks -- [--users N] [--pairs P --rows-per-user R] [--quick] [--work DIR]
// Prints one line per figure (P1..P4), then the markdown table for docs/benchmarks.md.
if (args.Length >= 2 && args[0] == ChildStep.Flag)
{
    return await OurSteps.RunAsync(args[1], args[2..]);
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException invalid)
{
    Console.Error.WriteLine(invalid.Message);
    return 2;
}

if (Sqlite3Cli.Locate() is null)
{
    Console.Error.WriteLine(Sqlite3Cli.InstallHint);
    return 3;
}

var ownsWorkDirectory = !Directory.Exists(options.WorkDirectory);
try
{
    await new BenchmarkRun(options).RunAsync();
    return 0;
}
finally
{
    if (ownsWorkDirectory && Directory.Exists(options.WorkDirectory))
    {
        Directory.Delete(options.WorkDirectory, recursive: true);
    }
}
