using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Persistence;

public sealed class SqliteJournalModeTests
{
    // Found by the crash tests: EF opens a read-only connection to see whether the file exists, and
    // switching a read-only connection to WAL failed, so the app died at start-up on such a file.
    [Fact] // DESIGN 8: a copied or restored database (VACUUM INTO, sqlite3 .backup) is in rollback-journal mode
    public void A_database_not_in_WAL_mode_is_migrated_and_switched_to_WAL()
    {
        using var original = new TestDatabase();
        using var restored = TestDatabase.CopyOf(original);
        Assert.Equal("delete", JournalMode(restored));

        using (var db = restored.CreateDbContext())
        {
            db.Database.Migrate();
        }

        Assert.Equal("wal", JournalMode(restored));
    }

    private static string JournalMode(TestDatabase database)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return (string)command.ExecuteScalar()!;
    }
}
