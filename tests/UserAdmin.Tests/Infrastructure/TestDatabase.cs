using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Tests.Infrastructure;

/// <summary>
/// A real database built by the real migrations, for tests of domain services without HTTP: a SQLite
/// file, or with <see cref="PostgreSqlTestDatabase"/> a database of its own on the PostgreSQL test server.
/// </summary>
public class TestDatabase : IDisposable
{
    private readonly string _name;

    public TestDatabase()
        : this(DatabaseProvider.Sqlite, migrate: true)
    {
    }

    protected TestDatabase(DatabaseProvider provider, bool migrate)
    {
        Provider = provider;
        _name = provider == DatabaseProvider.PostgreSql
            ? PostgreSqlServer.NewDatabaseName()
            : Path.Combine(Path.GetTempPath(), $"useradmin-unit-{Guid.NewGuid():N}.db");
        if (migrate)
        {
            using var db = CreateDbContext();
            db.Database.Migrate();
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>A database not created yet, for an app process that migrates and seeds it itself.</summary>
    public static TestDatabase NotCreated(DatabaseProvider provider = DatabaseProvider.Sqlite) => new(provider, migrate: false);

    /// <summary>
    /// A new database with the contents of <paramref name="template"/>: copied consistently by SQLite itself
    /// (<c>VACUUM INTO</c>), or on PostgreSQL created from it as a template.
    /// </summary>
    public static TestDatabase CopyOf(TestDatabase template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var copy = new TestDatabase(template.Provider, migrate: false);
        if (template.Provider == DatabaseProvider.PostgreSql)
        {
            PostgreSqlServer.CopyDatabase(template._name, copy._name);
            return copy;
        }

        using var connection = new SqliteConnection(template.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $path";
        command.Parameters.AddWithValue("$path", copy._name);
        command.ExecuteNonQuery();
        return copy;
    }

    public string ConnectionString => Provider == DatabaseProvider.PostgreSql
        ? PostgreSqlServer.ConnectionStringFor(_name)
        : new SqliteConnectionStringBuilder { DataSource = _name, DefaultTimeout = 30 }.ToString();

    public UserAdminDbContext CreateDbContext() => new(DatabaseSetup.OptionsFor(Provider, ConnectionString));

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        if (Provider == DatabaseProvider.PostgreSql)
        {
            PostgreSqlServer.DropDatabase(_name);
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_name + suffix);
        }

        // The running imports' lock files beside it (ADR-0016).
        if (Directory.Exists(_name + ".imports"))
        {
            Directory.Delete(_name + ".imports", recursive: true);
        }
    }
}

/// <summary>A migrated database of its own on the PostgreSQL test server, as a class fixture.</summary>
public sealed class PostgreSqlTestDatabase() : TestDatabase(DatabaseProvider.PostgreSql, migrate: true);
