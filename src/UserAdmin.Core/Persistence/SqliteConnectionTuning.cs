using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace UserAdmin.Core.Persistence;

/// <summary>
/// WAL lets readers (status polling, lists) run while a bulk transfer or import writes;
/// synchronous=NORMAL is the documented safe pairing with WAL.
/// </summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    public static readonly SqliteConnectionTuning Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

    // The journal mode is stored in the file, so a writable connection sets it once for all. A read-only
    // one cannot (SQLite error 8), and EF opens one to see whether the file exists: on a file not yet in
    // WAL mode — a restored backup, a VACUUM INTO copy — asking for WAL there stopped the app's start-up.
    private const string WalAndPragmas = "PRAGMA journal_mode=WAL; " + Pragmas;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DbCommand Command(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly ? Pragmas : WalAndPragmas;
        return command;
    }
}
