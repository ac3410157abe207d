using System.Globalization;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Benchmarks;

/// <summary>
/// The command line: <c>[--provider Sqlite|PostgreSql [--connection STRING]] [--users N] [--pairs P --rows-per-user R] [--quick] [--repeat K] [--work DIR] [--keep DIR]</c>.
/// <c>--keep</c> (SQLite) keeps the prepared people databases and P1 files in DIR, to run or profile one step again on them.
/// Each figure is the best of K runs (3, or 1 in quick mode): other work on a shared machine only ever adds time.
/// On PostgreSQL the connection string names a user who may create databases (no database needed); without
/// <c>--connection</c> it is the tests' <c>USERADMIN_TEST_POSTGRES</c>.
/// </summary>
internal sealed record BenchmarkOptions(int Users, int Pairs, int RowsPerUser, bool Quick, int Repeat, string WorkDirectory, DatabaseProvider Provider, string? Connection, string? KeepDirectory = null)
{
    public const string PostgresVariable = "USERADMIN_TEST_POSTGRES";
    private const string Usage = "Usage: [--provider Sqlite|PostgreSql [--connection STRING]] [--users N] [--pairs P --rows-per-user R] [--quick] [--repeat K] [--work DIR] [--keep DIR]";

    public const int QuickUsers = 10_000;
    public const int FullUsers = 100_000;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var quick = args.Contains("--quick");
        var users = quick ? QuickUsers : FullUsers;
        var pairs = quick ? 200 : 2_000;
        var rowsPerUser = quick ? 50 : 500;
        var repeat = quick ? 1 : 3;
        var work = Path.Combine(Path.GetTempPath(), "useradmin-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var provider = DatabaseProvider.Sqlite;
        string? connection = null;
        string? keep = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    break;
                case "--users":
                    users = PositiveNumber(args, ++i);
                    break;
                case "--pairs":
                    pairs = PositiveNumber(args, ++i);
                    break;
                case "--rows-per-user":
                    rowsPerUser = PositiveNumber(args, ++i);
                    break;
                case "--repeat":
                    repeat = PositiveNumber(args, ++i);
                    break;
                case "--work":
                    work = Text(args, ++i, "--work needs a folder.");
                    break;
                case "--keep":
                    keep = Text(args, ++i, "--keep needs a folder.");
                    break;
                case "--provider":
                    provider = Text(args, ++i, "--provider needs Sqlite or PostgreSql.") switch
                    {
                        var name when name.Equals(nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Sqlite,
                        var name when name.Equals(nameof(DatabaseProvider.PostgreSql), StringComparison.OrdinalIgnoreCase) => DatabaseProvider.PostgreSql,
                        var name => throw new ArgumentException($"--provider is '{name}': the benchmark runs on Sqlite or PostgreSql."),
                    };
                    break;
                case "--connection":
                    connection = Text(args, ++i, "--connection needs a PostgreSQL connection string, e.g. Host=127.0.0.1;Port=55432;Username=postgres");
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }

        if (provider == DatabaseProvider.PostgreSql)
        {
            connection ??= Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new ArgumentException($"--provider PostgreSql needs a server: pass --connection or set {PostgresVariable} (bash scripts/postgres-cluster start PORT prints one).");
            }
        }
        else if (connection is not null)
        {
            throw new ArgumentException("--connection is for --provider PostgreSql; SQLite databases are files in the work folder.");
        }

        if (keep is not null && provider != DatabaseProvider.Sqlite)
        {
            throw new ArgumentException("--keep is for SQLite, whose prepared databases are files.");
        }

        return new BenchmarkOptions(users, pairs, rowsPerUser, quick, repeat, work, provider, connection, keep);
    }

    private static string Text(IReadOnlyList<string> args, int index, string missing) =>
        index < args.Count ? args[index] : throw new ArgumentException(missing);

    /// <summary>P4 compares two sizes a factor of ten apart.</summary>
    public int SmallUsers => Math.Max(1, Users / 10);

    private static int PositiveNumber(IReadOnlyList<string> args, int index) =>
        index < args.Count && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{args[index - 1]} needs a positive whole number.");
}
