using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-10 after a crash: an import whose run died with its process (its one transaction rolled back, so nothing
/// of it is written) is marked failed with a message that says so, and its upload freed, rather than run again
/// unseen: the administrator decides whether to start it again (ADR-0008). Which imports died is the
/// <see cref="RunningImportLock"/>'s to say (ADR-0016): an import a live process runs, on this instance or another,
/// is left alone. Every instance sweeps at start-up and then every <see cref="SweepInterval"/>, so a dead run is
/// reported even when its own instance never comes back.
/// </summary>
public sealed class ImportRecovery(UserAdminDbContext db, RunningImportLock locks, TenantClock clock, ILogger<ImportRecovery> logger)
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    /// <summary>Ends the unfinished imports that no live process holds; returns how many it ended.</summary>
    public async Task<int> FailInterruptedAsync(CancellationToken cancellationToken = default)
    {
        var held = locks.HeldStates;
        var unfinished = await db.PeopleImports.AsNoTracking()
            .Where(i => held.Contains(i.State))
            .Select(i => i.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ended = 0;
        foreach (var id in unfinished)
        {
            // Holding the lock while ending it: no run of it can be going on meanwhile, and one that has just
            // committed its end is left as it is by the conditional update.
            await using var lease = await locks.TryTakeToEndAsync(id, cancellationToken).ConfigureAwait(false);
            if (lease is null)
            {
                continue;
            }

            if (await EndInterruptedAsync(db, id, clock.Now, cancellationToken).ConfigureAwait(false))
            {
                logger.LogWarning("Import {ImportId} was interrupted: its run stopped with its process; marked failed, nothing was written", id);
                ended++;
            }
        }

        return ended;
    }

    /// <summary>Ends an import whose run died, when still unfinished; true if it did.</summary>
    internal static async Task<bool> EndInterruptedAsync(UserAdminDbContext db, int importId, Instant now, CancellationToken cancellationToken)
    {
        var wasUnfinished = await db.PeopleImports.AnyAsync(i => i.Id == importId && ImportStates.Unfinished.Contains(i.State), cancellationToken).ConfigureAwait(false);
        await EndUnwrittenAsync(db, [importId], ImportState.Failed, ImportApplier.Interrupted, now, cancellationToken).ConfigureAwait(false);
        return wasUnfinished;
    }

    /// <summary>
    /// Ends imports that wrote nothing, each only while still unfinished, and frees their uploads for a new start;
    /// their previews plan again, since the refusal may be that the database changed since (R-IMP-8).
    /// </summary>
    internal static async Task EndUnwrittenAsync(UserAdminDbContext db, IReadOnlyList<int> importIds, ImportState state, string message, Instant now, CancellationToken cancellationToken)
    {
        foreach (var chunk in importIds.Chunk(500))
        {
            await db.PeopleImports
                .Where(i => chunk.Contains(i.Id) && ImportStates.Unfinished.Contains(i.State))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, state).SetProperty(i => i.Message, message).SetProperty(i => i.FinishedAt, now), cancellationToken).ConfigureAwait(false);
            await db.ImportDrafts
                .Where(d => d.ImportId != null && chunk.Contains(d.ImportId.Value)
                    && db.PeopleImports.Any(i => i.Id == d.ImportId && (i.State == ImportState.Refused || i.State == ImportState.Failed)))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ImportId, (int?)null).SetProperty(d => d.PreviewKey, (string?)null), cancellationToken).ConfigureAwait(false);

            // R-UNDO-2: a revert that wrote nothing gives its import back, to be reverted again.
            await db.PeopleImports
                .Where(i => i.RevertedByImportId != null && chunk.Contains(i.RevertedByImportId.Value)
                    && db.PeopleImports.Any(r => r.Id == i.RevertedByImportId && (r.State == ImportState.Refused || r.State == ImportState.Failed)))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevertedByImportId, (int?)null), cancellationToken).ConfigureAwait(false);
        }
    }
}
