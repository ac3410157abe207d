using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-10 across app instances (ADR-0016): the lock a live run of an import holds from its claim until its end
/// is committed, and which the operating system or the database server drops the moment its process dies. Any
/// instance can try it without waiting: held means a live process runs the import, so nobody may end it; free
/// while the import is unfinished means its run died, and whoever takes it ends the import as interrupted. One
/// way per provider, as <see cref="FastWrites"/> has: a session lock on a dedicated server connection
/// (PostgreSQL, SQL Server), a file lock beside the database file (SQLite). The lease also carries the run's
/// rows written to where every instance reads them.
/// </summary>
public abstract class RunningImportLock
{
    /// <summary>The lock of <paramref name="provider"/>'s database at <paramref name="connectionString"/>.</summary>
    public static RunningImportLock For(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteRunningImportLock(SqliteRunningImportLock.FolderOf(connectionString)),
        DatabaseProvider.PostgreSql => ServerRunningImportLock.PostgreSql(connectionString),
        DatabaseProvider.SqlServer => ServerRunningImportLock.SqlServer(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    /// <summary>The lock of the database <paramref name="db"/> works on.</summary>
    public static RunningImportLock For(UserAdminDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return For(db.Provider, db.Database.GetConnectionString()!);
    }

    /// <summary>
    /// The unfinished states in which only a live holder keeps an import: a free lock then means its run died.
    /// A queued import is among them only where the queue dies with its process (<see cref="SqliteRunningImportLock"/>);
    /// a server's Hangfire storage keeps the job of a queued import until some instance runs it.
    /// </summary>
    public abstract IReadOnlyList<ImportState> HeldStates { get; }

    /// <summary>
    /// Records a queued import through <paramref name="insert"/> (which returns its id). Where the queue dies with its
    /// process, this process holds the import's lock before any other instance can see the import, until its job runs.
    /// </summary>
    public virtual Task<int> QueueAsync(UserAdminDbContext db, Func<Task<int>> insert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(insert);
        return insert();
    }

    /// <summary>Lets go of a queued import that will not run (a double submit's loser, deleted again).</summary>
    public virtual void Unqueue(int importId)
    {
    }

    /// <summary>The lock of a run or of an instance ending a dead run; null, at once, when a live process holds it.</summary>
    public abstract Task<ImportLease?> TryTakeAsync(int importId, CancellationToken cancellationToken);

    /// <summary>The lock of an import to end as interrupted (the sweep); null, at once, when a live process (this one included) holds it.</summary>
    public virtual Task<ImportLease?> TryTakeToEndAsync(int importId, CancellationToken cancellationToken) => TryTakeAsync(importId, cancellationToken);

    /// <summary>
    /// Rows written so far by a running import, as its run last recorded them; <paramref name="stored"/> is the
    /// import's <see cref="PeopleImport.RowsWritten"/>, where the server providers record it.
    /// </summary>
    public virtual Task<int> RowsWrittenAsync(int importId, int stored, CancellationToken cancellationToken) => Task.FromResult(stored);
}

/// <summary>One holding of <see cref="RunningImportLock"/>: released on dispose, or by the death of its process.</summary>
public abstract class ImportLease : IAsyncDisposable
{
    protected ImportLease(int importId) => ImportId = importId;

    public int ImportId { get; }

    /// <summary>Records the rows written so far where every instance reads them (R-IMP-10), outside the import's transaction.</summary>
    public abstract Task RecordWrittenAsync(int rows, CancellationToken cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    protected abstract ValueTask ReleaseAsync();
}
