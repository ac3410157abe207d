using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Tests.Infrastructure;

/// <summary>A real SQLite file built by the real migrations, for tests of domain services without HTTP.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"useradmin-unit-{Guid.NewGuid():N}.db");

    public TestDatabase()
        : this(migrate: true)
    {
    }

    private TestDatabase(bool migrate)
    {
        if (migrate)
        {
            using var db = CreateDbContext();
            db.Database.Migrate();
        }
    }

    /// <summary>A path where no database exists yet, for an app process that migrates and seeds it itself.</summary>
    public static TestDatabase NotCreated() => new(migrate: false);

    /// <summary>A new file with the contents of <paramref name="template"/>, copied consistently by SQLite itself (<c>VACUUM INTO</c>).</summary>
    public static TestDatabase CopyOf(TestDatabase template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var copy = new TestDatabase(migrate: false);
        using var connection = new SqliteConnection(template.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $path";
        command.Parameters.AddWithValue("$path", copy._path);
        command.ExecuteNonQuery();
        return copy;
    }

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _path, DefaultTimeout = 30 }.ToString();

    public UserAdminDbContext CreateDbContext() => new(DatabaseSetup.OptionsFor(DatabaseProvider.Sqlite, ConnectionString));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
