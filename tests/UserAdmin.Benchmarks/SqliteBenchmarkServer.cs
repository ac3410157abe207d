using Microsoft.Data.Sqlite;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers;

namespace UserAdmin.Benchmarks;

/// <summary>
/// The embedded default: database files in the work folder, copied as files, and Debian's
/// <c>sqlite3</c> shell as the baseline, with the connection settings the app uses
/// (SqliteConnectionTuning: WAL is in the file already).
/// </summary>
internal sealed class SqliteBenchmarkServer(string workDirectory) : BenchmarkServer
{
    private const string Settings = "PRAGMA synchronous=NORMAL;\nPRAGMA foreign_keys=ON;\n";

    public override CommandLineTool Client { get; } = new("sqlite3", "The baselines need the sqlite3 command-line shell: apt-get install -y sqlite3");

    public override string BaselinesDescription => "sqlite3: P1 .import --csv into a bare table, P2 -csv of the same query to a file, P3 one script of the catalogue's statements";

    public override BenchmarkDatabase Create(string name) => Database(Path.Combine(workDirectory, name + ".db"));

    // The WAL goes back into the database file, so the file can be copied alone.
    protected override string ReadyToCopySql => "PRAGMA wal_checkpoint(TRUNCATE);";

    protected override void ClearPools() => SqliteConnection.ClearAllPools();

    public override BenchmarkDatabase CopyOf(BenchmarkDatabase prepared)
    {
        var copy = Path.Combine(workDirectory, "measured.db");
        File.Copy(PathOf(prepared), copy, overwrite: true);
        return Database(copy);
    }

    public override void Delete(BenchmarkDatabase database)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(PathOf(database) + suffix);
        }
    }

    public override double ImportBaseline(BenchmarkDatabase database, string csv) =>
        Run(database, Settings + $".import --csv {BaselineSql.QuotedPath(csv)} {BaselineSql.ImportTable}\n");

    public override double ExportBaseline(BenchmarkDatabase database, string output) =>
        Run(database, Settings + $".headers on\n.mode csv\n.once {BaselineSql.QuotedPath(output)}\n{BaselineSql.ExportQuery("group_concat")};\n");

    public override double TransferBaseline(BenchmarkDatabase database, UserAdminDbContext db, IReadOnlyList<TransferPair> pairs) =>
        Run(database, BaselineSql.TransferScript(Settings, db, pairs));

    private double Run(BenchmarkDatabase database, string script) => Client.Run(script, [PathOf(database)]);

    private static BenchmarkDatabase Database(string path) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 60 }.ToString());

    public static string PathOf(BenchmarkDatabase database) => new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
}
