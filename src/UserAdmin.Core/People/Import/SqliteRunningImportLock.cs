using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// <see cref="RunningImportLock"/> on SQLite (ADR-0016). Instances sharing an SQLite file run on one machine (SQLite
/// does not support a database on a network share), so the lock is a file beside the database,
/// <c>&lt;database&gt;.imports/&lt;id&gt;.lock</c>, opened without sharing: the operating system refuses a second
/// opening at once and drops the lock when the holding process dies. The import's transaction holds the
/// database's only write lock, so no connection could commit the rows written meanwhile: the run records them
/// in <c>&lt;id&gt;.written</c> beside it. Hangfire keeps jobs in memory with SQLite (ADR-0001), so a queued
/// import runs only in the process that queued it: that process holds its lock from before the import is
/// visible until its job ends, and a queued import whose lock is free is one whose process died.
/// </summary>
public sealed class SqliteRunningImportLock(string folder) : RunningImportLock
{
    private static readonly IReadOnlyList<ImportState> Held = ImportStates.Unfinished;

    // The locks this process holds, by import: one opening each, since a second one in the same process fails too.
    private readonly ConcurrentDictionary<int, Holding> _held = new();

    public override IReadOnlyList<ImportState> HeldStates => Held;

    /// <summary>The lock folder of the SQLite database of <paramref name="connectionString"/>; an in-memory database gets one per process.</summary>
    public static string FolderOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var file = builder.DataSource;
        return builder.Mode == SqliteOpenMode.Memory || file.Length == 0 || file == ":memory:"
            ? Path.Combine(Path.GetTempPath(), "useradmin-imports-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
            : Path.GetFullPath(file) + ".imports";
    }

    public override async Task<int> QueueAsync(UserAdminDbContext db, Func<Task<int>> insert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(insert);

        // The insert's transaction holds the database's write lock until the import's lock is held: an instance
        // sweeping for dead imports (which writes) cannot see the import queued and not yet held.
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var importId = await insert().ConfigureAwait(false);
            var holding = Open(importId) ?? throw new InvalidOperationException($"The lock of the new import {importId} is held elsewhere.");
            _held[importId] = holding;
            try
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                Unqueue(importId);
                throw;
            }

            return importId;
        }
    }

    public override void Unqueue(int importId)
    {
        if (_held.TryRemove(importId, out var holding))
        {
            holding.Release(deleteFiles: true);
        }
    }

    public override Task<ImportLease?> TryTakeAsync(int importId, CancellationToken cancellationToken)
    {
        if (_held.TryGetValue(importId, out var queued))
        {
            // Held by this process: for its queued job, which now runs it, or by a run already going (a second copy).
            return Task.FromResult<ImportLease?>(queued.TryStartRun() ? new Lease(importId, this, queued) : null);
        }

        if (Open(importId) is not { } holding)
        {
            return Task.FromResult<ImportLease?>(null);
        }

        holding.TryStartRun();
        if (!_held.TryAdd(importId, holding))
        {
            holding.Release(deleteFiles: false);
            return Task.FromResult<ImportLease?>(null);
        }

        return Task.FromResult<ImportLease?>(new Lease(importId, this, holding));
    }

    public override Task<int> RowsWrittenAsync(int importId, int stored, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(int.TryParse(File.ReadAllText(WrittenFile(importId)), NumberStyles.None, CultureInfo.InvariantCulture, out var rows) ? rows : stored);
        }
        catch (IOException)
        {
            return Task.FromResult(stored); // none recorded yet, or the run ended meanwhile
        }
    }

    private string LockFile(int importId) => Path.Combine(folder, importId.ToString(CultureInfo.InvariantCulture) + ".lock");

    private string WrittenFile(int importId) => Path.Combine(folder, importId.ToString(CultureInfo.InvariantCulture) + ".written");

    /// <summary>Opens the import's lock file without sharing; null when another opening holds it.</summary>
    private Holding? Open(int importId)
    {
        Directory.CreateDirectory(folder);
        try
        {
            return new Holding(new FileStream(LockFile(importId), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), LockFile(importId), WrittenFile(importId));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>One opening of a lock file; <see cref="TryStartRun"/> lets one run (or one sweep) use it.</summary>
    private sealed class Holding(FileStream file, string lockFile, string writtenFile)
    {
        private int _running;

        public string WrittenFile => writtenFile;

        public bool TryStartRun() => Interlocked.Exchange(ref _running, 1) == 0;

        // Deleted only once the import is finished (or was never visible), so an opening racing with the delete finds
        // it finished; closed first, since Windows refuses to delete a file opened without sharing.
        public void Release(bool deleteFiles)
        {
            file.Dispose();
            if (deleteFiles)
            {
                try
                {
                    File.Delete(writtenFile);
                    File.Delete(lockFile);
                }
                catch (IOException)
                {
                    // another instance opened it meanwhile to look: it finds the import finished and deletes it
                }
            }
        }
    }

    private sealed class Lease(int importId, SqliteRunningImportLock owner, Holding holding) : ImportLease(importId)
    {
        public override async Task RecordWrittenAsync(int rows, CancellationToken cancellationToken)
        {
            // Written aside and renamed over: a reader sees the old count or the new one, never half a number.
            var next = holding.WrittenFile + ".next";
            await File.WriteAllTextAsync(next, rows.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            File.Move(next, holding.WrittenFile, overwrite: true);
        }

        protected override ValueTask ReleaseAsync()
        {
            owner._held.TryRemove(ImportId, out _);
            holding.Release(deleteFiles: true);
            return ValueTask.CompletedTask;
        }
    }
}
