using System.Globalization;

namespace UserAdmin.Benchmarks;

/// <summary>
/// The command line: <c>[--users N] [--pairs P --rows-per-user R] [--quick] [--repeat K] [--work DIR]</c>.
/// Each figure is the best of K runs (3, or 1 in quick mode): other work on a shared machine only ever adds time.
/// </summary>
internal sealed record BenchmarkOptions(int Users, int Pairs, int RowsPerUser, bool Quick, int Repeat, string WorkDirectory)
{
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
                    work = i + 1 < args.Count ? args[++i] : throw new ArgumentException("--work needs a folder.");
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: [--users N] [--pairs P --rows-per-user R] [--quick] [--repeat K] [--work DIR]");
            }
        }

        return new BenchmarkOptions(users, pairs, rowsPerUser, quick, repeat, work);
    }

    /// <summary>P4 compares two sizes a factor of ten apart.</summary>
    public int SmallUsers => Math.Max(1, Users / 10);

    private static int PositiveNumber(IReadOnlyList<string> args, int index) =>
        index < args.Count && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{args[index - 1]} needs a positive whole number.");
}
