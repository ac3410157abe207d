using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>The answer to the Import button: the queued import, or why nothing was queued.</summary>
public sealed record ImportOutcome(PeopleImport? Import, string? Refusal)
{
    public static ImportOutcome Refused(string reason) => new(null, reason);
}

/// <summary>
/// R-IMP-10: the Import button records a queued import and claims the upload for it; the job
/// (<see cref="ImportApplier"/>) does the work. The claim (the draft's ImportId, set only while
/// unset) makes a double submit queue one import (ADR-0005).
/// </summary>
public sealed class ImportSubmission(UserAdminDbContext db, RunningImportLock locks, TenantClock clock)
{
    public const string SubmittedTwice = "This file has already been imported (the import was submitted twice). Nothing was imported a second time.";

    public Task<ImportOutcome> SubmitAsync(ImportDraft draft, AdministratorProfile administrator, bool importValidRowsOnly, CancellationToken cancellationToken = default) =>
        SubmitAsync(draft, administrator, importValidRowsOnly, DamagedCellsChoice.NotChosen, cancellationToken);

    /// <summary>R-IMP-13: <paramref name="damagedCells"/> is the administrator's choice for the cells flagged as spreadsheet damage.</summary>
    public async Task<ImportOutcome> SubmitAsync(ImportDraft draft, AdministratorProfile administrator, bool importValidRowsOnly, DamagedCellsChoice damagedCells, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(administrator);
        if (draft.ImportId is not null)
        {
            return ImportOutcome.Refused(SubmittedTwice);
        }

        if (draft.MappingJson is null || draft.PreviewVersions is null || draft.PreviewJson is null)
        {
            return ImportOutcome.Refused("This file has not been previewed yet. Map its columns and look at the preview before importing.");
        }

        // What the preview already showed is refused at once; the job checks it all again against the database.
        // Keeping the stored values of flagged cells can make invalid rows valid, so then only the job can tell (R-IMP-13).
        var preview = PreviewSummary.FromJson(draft.PreviewJson);
        var refusal = ImportApplier.DamageRefusal(preview.Damage, damagedCells)
            ?? (preview.Damage.NeedsChoice ? null : ImportApplier.RefusalOf(preview, importValidRowsOnly));
        if (refusal is not null)
        {
            return ImportOutcome.Refused(refusal);
        }

        return await QueueAsync(draft, administrator, importValidRowsOnly, damagedCells, revertOfImportId: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the queued import and claims the upload for it; <paramref name="revertOfImportId"/> names the import a revert undoes (R-UNDO-2).</summary>
    internal async Task<ImportOutcome> QueueAsync(ImportDraft draft, AdministratorProfile administrator, bool importValidRowsOnly, DamagedCellsChoice damagedCells, int? revertOfImportId, CancellationToken cancellationToken)
    {
        var import = new PeopleImport
        {
            RevertOfImportId = revertOfImportId,
            UploadId = draft.UploadId,
            State = ImportState.Queued,
            ImportValidRowsOnly = importValidRowsOnly,
            DamagedCells = damagedCells,
            FileName = draft.Upload.FileName,
            ImportedByUserId = administrator.UserId,
            ImportedByName = administrator.DisplayName,
            ImportedAt = clock.Now,
        };
        // R-IMP-10: where the job queue dies with its process, this process holds the new import's lock until its job runs (ADR-0016).
        await locks.QueueAsync(db, async () =>
        {
            db.PeopleImports.Add(import);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return import.Id;
        }, cancellationToken).ConfigureAwait(false);
        db.Entry(import).State = EntityState.Detached;

        // One statement decides a double submit: of two twins only one sets the claim.
        var claimed = await db.ImportDrafts
            .Where(d => d.UploadId == draft.UploadId && d.ImportId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ImportId, import.Id), cancellationToken).ConfigureAwait(false);
        if (claimed == 0)
        {
            await db.PeopleImports.Where(i => i.Id == import.Id).ExecuteDeleteAsync(CancellationToken.None).ConfigureAwait(false);
            locks.Unqueue(import.Id);
            return ImportOutcome.Refused(SubmittedTwice);
        }

        return new ImportOutcome(import, null);
    }
}
