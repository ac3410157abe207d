using Npgsql;

namespace UserAdmin.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the PostgreSQL tests run on (ADR-0011), named by <see cref="Variable"/>;
/// <c>bash scripts/test</c> starts a throw-away one with <c>scripts/postgres-cluster</c>. Each test
/// database is a new database on it with a random name, dropped afterwards. A missing or unreachable
/// server fails every PostgreSQL test with one message: they are never skipped.
/// </summary>
public static class PostgreSqlServer
{
    public const string Variable = "USERADMIN_TEST_POSTGRES";

    /// <summary>Marks a test class that runs on PostgreSQL: <c>--filter Database=PostgreSql</c> picks them, <c>Database!=PostgreSql</c> leaves them out.</summary>
    public const string Trait = "Database";

    public const string TraitValue = "PostgreSql";

    private static readonly Lazy<string> Server = new(Reachable);

    /// <summary>The connection string of database <paramref name="database"/> on the test server.</summary>
    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(Server.Value) { Database = database, Pooling = true, MaxPoolSize = 30 }.ToString();

    public static string NewDatabaseName() => "useradmin_test_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>A new database with the contents of <paramref name="template"/>, which must have no open connections.</summary>
    public static void CopyDatabase(string template, string copy)
    {
        NpgsqlConnection.ClearAllPools();
        // A killed app process's connections may take a moment to leave; the copy waits for them.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Execute($"CREATE DATABASE \"{copy}\" TEMPLATE \"{template}\"");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>Drops <paramref name="database"/>, ending any connection still open on it (an app process killed by a test).</summary>
    public static void DropDatabase(string database)
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Reachable()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a PostgreSQL server: {Variable} is not set. Run them with 'bash scripts/test', which starts a throw-away server " +
                $"(scripts/postgres-cluster), or set {Variable} to a connection string of a user who may create databases, e.g. Host=127.0.0.1;Port=55432;Username=postgres.");
        }

        var builder = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres", Timeout = 5 };
        try
        {
            using var connection = new NpgsqlConnection(builder.ToString());
            connection.Open();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests cannot reach PostgreSQL at {builder.Host}:{builder.Port} ({Variable}): {e.Message}. Start one with 'bash scripts/postgres-cluster start {builder.Port}'.", e);
        }

        return configured;
    }
}
