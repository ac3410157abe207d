using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Csv;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Revert;

/// <summary>A revert being previewed: its draft and, when it has rows, its generated upload's import draft with the stored preview.</summary>
public sealed record RevertDraftView(ImportRevertDraft Draft, ImportDraft? Generated)
{
    public IReadOnlyList<ChangedSinceUser> ChangedSince { get; } = ChangedSinceUser.FromJson(Draft.ChangedSince);

    public int Deleted => PreviewVersions.Parse(Draft.DeletedUsers).Count;

    public IReadOnlyList<string> DeletionRefusals => Draft.DeletionRefusals.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

public enum RevertRefusalKind
{
    NotApplied,
    AlreadyReverted,
    MadeBeforeBeforeImages,
}

/// <summary>Why an import cannot be reverted at all: a kind the code branches on and words for the administrator.</summary>
public sealed record RevertRefusal(RevertRefusalKind Kind, string Message);

/// <summary>
/// R-UNDO-2: the Revert of an import's page. A revert is an import of a file generated from the before-images
/// (<see cref="RevertPlanner"/>), previewed like any upload and queued through <see cref="ImportSubmission"/>,
/// then run by the same job; the original import's claim on its revert makes two reverts submitted at once queue one.
/// </summary>
public sealed class ImportReverts(UserAdminDbContext db, RevertPlanner planner, ImportDrafts drafts, ImportPreviews previews, ImportSubmission submission)
{
    /// <summary>The import, when the administrator may see it (R-SEC-8), or null.</summary>
    public Task<PeopleImport?> FindAsync(int importId, AdministratorProfile administrator, CancellationToken cancellationToken = default) =>
        db.PeopleImports.AsNoTracking().VisibleTo(administrator).SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);

    public async Task<RevertRefusal?> RefusalOfAsync(PeopleImport import, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(import);
        if (import.State != ImportState.Succeeded)
        {
            return new RevertRefusal(RevertRefusalKind.NotApplied, "This import wrote nothing, so there is nothing to revert.");
        }

        if (import.RevertedByImportId is { } revert)
        {
            return new RevertRefusal(RevertRefusalKind.AlreadyReverted, $"This import is already reverted, or being reverted, by import {revert.ToString(CultureInfo.InvariantCulture)}.");
        }

        var recorded = await db.ImportBeforeImages.AnyAsync(b => b.ImportId == import.Id, cancellationToken).ConfigureAwait(false);
        return recorded || import.Created + import.Updated + import.Deleted == 0
            ? null
            : new RevertRefusal(RevertRefusalKind.MadeBeforeBeforeImages, "This import was made before imports kept the values they replaced, so it cannot be reverted.");
    }

    /// <summary>The administrator's latest revert of this import that can still be submitted as previewed, or null.</summary>
    public async Task<RevertDraftView?> CurrentDraftAsync(int importId, AdministratorProfile administrator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        var found = await db.ImportRevertDrafts.AsNoTracking()
            .Where(d => d.RevertOfImportId == importId)
            .Join(drafts.Of(administrator.UserId).Where(d => d.ImportId == null && d.PreviewKey != null), r => r.UploadId, d => d.UploadId, (r, d) => new { Revert = r, Draft = d })
            .OrderByDescending(x => x.Draft.Upload.UploadedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return found is null ? null : new RevertDraftView(found.Revert, found.Draft);
    }

    /// <summary>
    /// Plans the revert as it stands now and stores it with its preview. With no row to write (every user changed
    /// since and none included) nothing is stored and the view has no upload.
    /// </summary>
    public async Task<RevertDraftView> DraftAsync(PeopleImport import, AdministratorProfile administrator, IReadOnlySet<int> included, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(import);
        var content = await planner.PlanAsync(import, administrator, included, cancellationToken).ConfigureAwait(false);
        var draft = new ImportRevertDraft
        {
            RevertOfImportId = import.Id,
            IncludedUserIds = ImportRevertDraft.FormatIds(content.ChangedSince.Where(c => c.Included).Select(c => c.UserId)),
            DeletedUsers = PreviewVersions.Format(content.Deleted.Select(d => (d.Key, d.Value))),
            Deactivated = content.Deactivated,
            ChangedSince = ChangedSinceUser.ToJson(content.ChangedSince),
            DeletionRefusals = string.Join('\n', content.DeletionRefusals),
        };
        if (content.File is not { } file)
        {
            return new RevertDraftView(draft, null);
        }

        // The administrator's earlier previews of this revert, never submitted, give way to this one. One still being
        // planned (another tab opened at the same moment) is left to finish: deleting it under its request would fail
        // that page; if both are submitted, the claim below lets one run.
        var importId = import.Id;
        await db.Uploads
            .Where(u => u.UploadedByUserId == administrator.UserId
                && db.ImportDrafts.Any(d => d.UploadId == u.Id && d.ImportId == null && d.PreviewKey != null)
                && db.ImportRevertDrafts.Any(d => d.UploadId == u.Id && d.RevertOfImportId == importId))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var document = CsvDocument.Generated(file);
        var generated = await drafts.AddAsync(FileNameOf(import), document, administrator.UserId, cancellationToken).ConfigureAwait(false);
        generated.MappingJson = content.Mapping.ToJson();
        draft.UploadId = generated.UploadId;
        db.ImportRevertDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.Entry(draft).State = EntityState.Detached;
        _ = await previews.SummaryAsync(generated, administrator, document, cancellationToken).ConfigureAwait(false);
        return new RevertDraftView(draft, generated);
    }

    /// <summary>
    /// R-UNDO-2 with R-IMP-10: queues the previewed revert as an import of its own, or says why not. A revert
    /// with a row the administrator could not have imported is refused as a whole, naming the first reason.
    /// </summary>
    public async Task<ImportOutcome> SubmitAsync(PeopleImport import, Guid draftId, AdministratorProfile administrator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(administrator);
        if (await RefusalOfAsync(import, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return ImportOutcome.Refused(refusal.Message);
        }

        var draft = await db.ImportRevertDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.UploadId == draftId && d.RevertOfImportId == import.Id, cancellationToken).ConfigureAwait(false);
        var generated = draft is null ? null : await drafts.FindAsync(draftId, administrator.UserId, cancellationToken).ConfigureAwait(false);
        if (draft is null || generated is null)
        {
            return ImportOutcome.Refused("This revert preview is no longer current: it expired, or a newer preview of this revert replaced it (another tab or window). Nothing was reverted; open the revert again to see what it would do now.");
        }

        if (generated.ImportId is not null)
        {
            return ImportOutcome.Refused(ImportSubmission.SubmittedTwice);
        }

        if (await CouldNotBeMadeAsync(new RevertDraftView(draft, generated), cancellationToken).ConfigureAwait(false) is { } reason)
        {
            return ImportOutcome.Refused(reason);
        }

        var queued = await submission.QueueAsync(generated, administrator, importValidRowsOnly: false, DamagedCellsChoice.ImportAsInFile, import.Id, cancellationToken).ConfigureAwait(false);
        if (queued.Import is not { } revert)
        {
            return queued;
        }

        // One statement decides two reverts submitted at once (two tabs, two administrators, two instances): one claims the import.
        var claimed = await db.PeopleImports
            .Where(i => i.Id == import.Id && i.RevertedByImportId == null && i.State == ImportState.Succeeded)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevertedByImportId, revert.Id), cancellationToken).ConfigureAwait(false);
        if (claimed == 1)
        {
            return queued;
        }

        await db.ImportDrafts.Where(d => d.UploadId == generated.UploadId).ExecuteUpdateAsync(s => s.SetProperty(d => d.ImportId, (int?)null), CancellationToken.None).ConfigureAwait(false);
        await db.PeopleImports.Where(i => i.Id == revert.Id).ExecuteDeleteAsync(CancellationToken.None).ConfigureAwait(false);
        var winner = await db.PeopleImports.Where(i => i.Id == import.Id).Select(i => i.RevertedByImportId).SingleAsync(cancellationToken).ConfigureAwait(false);
        return ImportOutcome.Refused($"This import is already being reverted by import {winner?.ToString(CultureInfo.InvariantCulture)} (submitted at the same moment). It was not reverted twice.");
    }

    /// <summary>R-SEC-1..8 for a revert: why this administrator could not have made the changes it would make, in words, or null.</summary>
    public async Task<string?> CouldNotBeMadeAsync(RevertDraftView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.DeletionRefusals.Count > 0)
        {
            return "You cannot revert this import, because you could not make all of its changes yourself: " + view.DeletionRefusals[0];
        }

        if (view.Generated?.PreviewJson is not { } json)
        {
            return view.Generated is null ? "There is nothing to revert: every user of the import changed since, and none is included." : null;
        }

        var summary = PreviewSummary.FromJson(json);
        if (summary.IsBlocked)
        {
            return "You cannot revert this import: " + string.Join(" ", summary.BlockingProblems.Select(p => p.Message));
        }

        if (summary.Invalid == 0)
        {
            return null;
        }

        var (first, _) = await previews.PageAsync(view.Generated.UploadId, PreviewSection.Errors, 0, 1, cancellationToken).ConfigureAwait(false);
        var users = summary.Invalid == 1 ? "1 of its users" : $"{summary.Invalid.ToString(CultureInfo.InvariantCulture)} of its users";
        var example = first.Count > 0 && first[0] is { Problem: { } problem } item ? $"{item.Name} ({item.UserId?.ToString(CultureInfo.InvariantCulture) ?? "new"}), {problem.Column}: {problem.Message}" : "see the errors.";
        return $"You cannot revert this import, because you could not make all of its changes yourself ({users}). For example: {example}";
    }

    private static string FileNameOf(PeopleImport import)
    {
        var name = $"Revert of import {import.Id.ToString(CultureInfo.InvariantCulture)} ({Path.GetFileNameWithoutExtension(import.FileName)}).csv";
        return name.Length <= 260 ? name : name[..256] + ".csv";
    }
}
