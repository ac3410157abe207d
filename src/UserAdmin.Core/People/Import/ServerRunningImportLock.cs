using System.Data.Common;
using System.Globalization;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// <see cref="RunningImportLock"/> on PostgreSQL and SQL Server: a session lock taken without waiting
/// (<c>pg_try_advisory_lock</c>; <c>sp_getapplock</c> with a session owner and no timeout) on a connection of
/// its own, outside the pool, that the run keeps open from its claim to its end. Closing it, or the death of the
/// process (the server drops a session whose socket closed), releases the lock: it lives exactly as long as that
/// connection. The same connection, in autocommit, records the rows written for every instance to read,
/// while the import's own transaction on the app's connection is still open (R-IMP-8).
/// </summary>
public sealed class ServerRunningImportLock : RunningImportLock
{
    /// <summary>PostgreSQL's two-key advisory locks: this first key names the people imports, the second is the import's id.</summary>
    public const int PostgreSqlLockSpace = 0x55_41_49_4D;

    public const string PostgreSqlTake = "SELECT pg_try_advisory_lock(@space, @id)";
    public const string PostgreSqlRecord = "UPDATE \"PeopleImports\" SET \"RowsWritten\" = @rows WHERE \"Id\" = @id";

    /// <summary>0 or 1: granted; -1: another session holds it (a lock timeout of 0 never waits).</summary>
    public const string SqlServerTake = "DECLARE @result int; EXEC @result = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0; SELECT CASE WHEN @result >= 0 THEN 1 ELSE 0 END;";
    public const string SqlServerRecord = "UPDATE [PeopleImports] SET [RowsWritten] = @rows WHERE [Id] = @id;";

    private static readonly IReadOnlyList<ImportState> Held = [ImportState.Checking, ImportState.Writing];

    private readonly Func<DbConnection> _connect;
    private readonly string _take;
    private readonly string _record;
    private readonly Action<DbCommand, int> _lockKey;

    private ServerRunningImportLock(Func<DbConnection> connect, string take, string record, Action<DbCommand, int> lockKey)
    {
        _connect = connect;
        _take = take;
        _record = record;
        _lockKey = lockKey;
    }

    public override IReadOnlyList<ImportState> HeldStates => Held;

    public static ServerRunningImportLock PostgreSql(string connectionString)
    {
        // Outside the pool: a pooled connection keeps its session, and so its lock, after Close until it is reused.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Enlist = false }.ToString();
        return new(() => new NpgsqlConnection(unpooled), PostgreSqlTake, PostgreSqlRecord, (command, id) =>
        {
            Add(command, "@space", PostgreSqlLockSpace);
            Add(command, "@id", id);
        });
    }

    public static ServerRunningImportLock SqlServer(string connectionString)
    {
        var unpooled = new SqlConnectionStringBuilder(connectionString) { Pooling = false, Enlist = false }.ToString();
        return new(() => new SqlConnection(unpooled), SqlServerTake, SqlServerRecord, (command, id) => Add(command, "@resource", SqlServerResource(id)));
    }

    /// <summary>The application lock's name for one import.</summary>
    public static string SqlServerResource(int importId) => "UserAdmin.PeopleImport." + importId.ToString(CultureInfo.InvariantCulture);

    public override async Task<ImportLease?> TryTakeAsync(int importId, CancellationToken cancellationToken)
    {
        var connection = _connect();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = _take;
            _lockKey(command, importId);
            var granted = Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (granted)
            {
                return new Lease(importId, connection, _record);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private sealed class Lease(int importId, DbConnection connection, string record) : ImportLease(importId)
    {
        public override async Task RecordWrittenAsync(int rows, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = record;
            Add(command, "@rows", rows);
            Add(command, "@id", ImportId);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Closing the unpooled connection ends the session, and with it the lock.
        protected override ValueTask ReleaseAsync() => connection.DisposeAsync();
    }
}
