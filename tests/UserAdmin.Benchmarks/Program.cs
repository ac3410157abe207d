using UserAdmin.Benchmarks;

// Usage: dotnet run -c Release --project tests/UserAdmin.Benchmarks -- [--provider Sqlite|PostgreSql [--connection STRING]] [--users N] [--pairs P --rows-per-user R] [--quick] [--work DIR]
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

var server = BenchmarkServer.For(options);
if (server.Client.Locate() is null)
{
    Console.Error.WriteLine(server.Client.InstallHint);
    return 3;
}

var ownsWorkDirectory = !Directory.Exists(options.WorkDirectory);
try
{
    await new BenchmarkRun(options, server).RunAsync();
    return 0;
}
finally
{
    server.DeleteAll();
    if (ownsWorkDirectory && Directory.Exists(options.WorkDirectory))
    {
        Directory.Delete(options.WorkDirectory, recursive: true);
    }
}
