using System.Globalization;
using Npgsql;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers;

namespace UserAdmin.Benchmarks;

/// <summary>
/// A PostgreSQL server (<c>--connection</c>, or the tests' <c>USERADMIN_TEST_POSTGRES</c>): each database
/// is a new one on it, each measured copy a <c>CREATE DATABASE … TEMPLATE</c> of the prepared one, and
/// the baseline is Debian's <c>psql</c> over a TCP connection as the app's: P1 a client-side
/// <c>\copy … FROM</c> (CSV) of the same file into a bare table of text columns, P2 a <c>\copy (SELECT …)
/// TO</c> of the same rows, P3 the catalogue's statements as one script.
/// </summary>
internal sealed class PostgreSqlBenchmarkServer(string connection) : BenchmarkServer
{
    private readonly string _prefix = "useradmin_bench_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "_";
    private readonly HashSet<string> _created = [];
    private int _copies;

    public override CommandLineTool Client { get; } = new("psql", "The PostgreSQL baselines need psql: apt-get install -y postgresql-client");

    public override string BaselinesDescription => "psql: P1 \\copy FROM (CSV) into a bare table, P2 \\copy (SELECT ...) TO (CSV), P3 one script of the catalogue's statements";

    public override BenchmarkDatabase Create(string name)
    {
        var database = _prefix + name.Replace('-', '_');
        Delete(Database(database));
        _created.Add(database);
        return Database(database);
    }

    // Fresh statistics and visibility map after the bulk load, as a database that has lived a while has;
    // the copies inherit them.
    protected override string ReadyToCopySql => "VACUUM (ANALYZE);";

    protected override void ClearPools() => NpgsqlConnection.ClearAllPools();

    public override BenchmarkDatabase CopyOf(BenchmarkDatabase prepared)
    {
        var copy = _prefix + "measured_" + (++_copies).ToString(CultureInfo.InvariantCulture);
        _created.Add(copy);
        NpgsqlConnection.ClearAllPools();
        // Connections of a child step that just exited may take a moment to leave the template.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Execute($"CREATE DATABASE \"{copy}\" TEMPLATE \"{NameOf(prepared)}\"");
                return Database(copy);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                Thread.Sleep(100);
            }
        }
    }

    public override void Delete(BenchmarkDatabase database)
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{NameOf(database)}\" WITH (FORCE)");
        _created.Remove(NameOf(database));
    }

    public override void DeleteAll()
    {
        foreach (var name in _created.ToList())
        {
            Delete(Database(name));
        }
    }

    public override double ImportBaseline(BenchmarkDatabase database, string csv) =>
        Run(database, $"{BaselineSql.CreateImportTable()}\n\\copy {BaselineSql.ImportTable} FROM {BaselineSql.QuotedPath(csv)} WITH (FORMAT csv, HEADER true)\n");

    public override double ExportBaseline(BenchmarkDatabase database, string output) =>
        Run(database, $"\\copy ({BaselineSql.ExportQuery("string_agg")}) TO {BaselineSql.QuotedPath(output)} WITH (FORMAT csv, HEADER true)\n");

    public override double TransferBaseline(BenchmarkDatabase database, UserAdminDbContext db, IReadOnlyList<TransferPair> pairs) =>
        Run(database, BaselineSql.TransferScript("", db, pairs));

    private double Run(BenchmarkDatabase database, string script)
    {
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = server.Host ?? "localhost",
            ["PGPORT"] = server.Port.ToString(CultureInfo.InvariantCulture),
            ["PGUSER"] = server.Username ?? Environment.UserName,
            ["PGDATABASE"] = server.Database!,
            ["PGCLIENTENCODING"] = "UTF8",
            ["PGOPTIONS"] = "-c client_min_messages=warning",
        };
        if (server.Password is { } password)
        {
            environment["PGPASSWORD"] = password;
        }

        return Client.Run(script, ["-X", "-q", "-v", "ON_ERROR_STOP=1"], environment);
    }

    private BenchmarkDatabase Database(string name) =>
        new(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(connection) { Database = name }.ToString());

    private static string NameOf(BenchmarkDatabase database) => new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;

    private void Execute(string sql)
    {
        using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Database = "postgres", Pooling = false }.ToString());
        admin.Open();
        using var command = admin.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
