using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-10 after a crash: an import still queued, checking or writing when the app starts was cut
/// off with its process; its one transaction rolled back, so nothing of it is written. Start-up marks
/// it failed with a message that says so and frees its upload, rather than running it again unseen:
/// the administrator decides whether to start it again (ADR-0008).
/// </summary>
public sealed class ImportRecovery(UserAdminDbContext db, TenantClock clock, ILogger<ImportRecovery> logger)
{
    public async Task<int> FailInterruptedAsync(CancellationToken cancellationToken = default)
    {
        var unfinished = await db.PeopleImports.AsNoTracking()
            .Where(i => ImportStates.Unfinished.Contains(i.State))
            .Select(i => i.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in unfinished)
        {
            logger.LogWarning("Import {ImportId} was interrupted by a stop of the app; marking it failed, nothing was written", id);
        }

        await EndUnwrittenAsync(db, unfinished, ImportState.Failed, ImportApplier.Interrupted, clock.Now, cancellationToken).ConfigureAwait(false);
        return unfinished.Count;
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
