using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using UserAdmin.Core.Csv;
using UserAdmin.Core.People.Revert;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-8, R-IMP-10: the background job of a queued import. It runs the dry run again and writes its
/// valid rows in one transaction, or nothing. Each updated user's concurrency token must still be the
/// one the preview saw; writes go in batches of prepared statements, untracked, so memory stays flat.
/// The import's state row decides everything: a second copy of the job (Hangfire runs jobs at least
/// once) finds it no longer queued and does nothing; a failure or refusal frees the upload so the
/// administrator can start the import again.
/// </summary>
public sealed class ImportApplier(
    UserAdminDbContext db,
    ImportPlanner planner,
    AdministratorProfiles administrators,
    ImportProgress progress,
    RevertDeletions deletions,
    TenantClock clock,
    ILogger<ImportApplier> logger)
{
    public const string Interrupted = "The import was interrupted (the app stopped or restarted) before it finished. Its transaction was rolled back: nothing was written. Start it again from the preview.";
    private const string Broke = "The import failed because of an error on the server. Its transaction was rolled back: nothing was written. Try again; if it fails again, tell your support team the import's number.";
    private const int BatchSize = 1000;

    public async Task<ImportState> RunAsync(int importId, CancellationToken cancellationToken = default)
    {
        if (!await MoveAsync(importId, ImportState.Queued, ImportState.Checking, cancellationToken).ConfigureAwait(false))
        {
            logger.LogInformation("Import {ImportId} is no longer queued; this copy of its job does nothing", importId);
            return await StateOfAsync(importId).ConfigureAwait(false);
        }

        try
        {
            return await CheckAndWriteAsync(importId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Import {ImportId} failed; its transaction was rolled back", importId);
            await FinishAsync(importId, ImportState.Failed, Broke).ConfigureAwait(false);
            return ImportState.Failed;
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Import {ImportId} was stopped by a shutdown; its transaction was rolled back", importId);
            await FinishAsync(importId, ImportState.Failed, Interrupted).ConfigureAwait(false);
            return ImportState.Failed;
        }
        finally
        {
            progress.Forget(importId);
        }
    }

    private async Task<ImportState> CheckAndWriteAsync(int importId, CancellationToken cancellationToken)
    {
        var import = await db.PeopleImports.AsNoTracking().SingleAsync(i => i.Id == importId, cancellationToken).ConfigureAwait(false);
        var upload = await db.ImportUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == import.UploadId, cancellationToken).ConfigureAwait(false);
        var administrator = await administrators.LoadAsync(import.ImportedByUserId, cancellationToken).ConfigureAwait(false);
        if (upload?.MappingJson is null || upload.PreviewVersions is null || administrator is null)
        {
            return await RefuseAsync(importId, upload is null
                ? "The uploaded file has expired meanwhile. Upload it again to import it."
                : "The administrator who started this import can no longer sign in, so it was not run.").ConfigureAwait(false);
        }

        var document = CsvDocument.Reopen(upload.Content);
        var plan = await planner.PlanAsync(document, ImportMapping.FromJson(upload.MappingJson), administrator, import.DamagedCells, cancellationToken).ConfigureAwait(false);
        if ((DamageRefusal(plan.Damage, import.DamagedCells) ?? Refusal(plan, import.ImportValidRowsOnly, PreviewVersions.Parse(upload.PreviewVersions))) is { } refusal)
        {
            return await RefuseAsync(importId, refusal).ConfigureAwait(false);
        }

        // R-UNDO-2: a revert also deletes the created users its preview found owning nothing; its file holds their rows unchanged.
        var deleted = import.RevertOfImportId is null
            ? new Dictionary<int, Guid>()
            : PreviewVersions.Parse(await db.ImportRevertDrafts.AsNoTracking().Where(d => d.UploadId == import.UploadId).Select(d => d.DeletedUsers).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? "");
        var total = plan.Writes + deleted.Count;
        await db.PeopleImports.Where(i => i.Id == importId && i.State == ImportState.Checking)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, ImportState.Writing).SetProperty(i => i.RowsTotal, total), cancellationToken).ConfigureAwait(false);
        var references = await PeopleReferenceData.LoadAsync(db, cancellationToken).ConfigureAwait(false);
        var counts = new ImportCounts(plan.Count(PlannedRowKind.New), plan.Count(PlannedRowKind.Updated),
            plan.Rows.Count(r => r.Kind == PlannedRowKind.Unchanged && !deleted.ContainsKey(r.UserId ?? 0)), plan.Count(PlannedRowKind.Invalid),
            InvalidRowsReport.Write(document.Headers, plan), deleted.Count);

        // SQL Server retries transient failures; a user transaction must then run inside the strategy, as one retriable unit.
        var strategy = db.Database.CreateExecutionStrategy();
        var refused = await strategy.ExecuteAsync(() => WriteAsync(importId, plan, references, counts, (deleted, administrator), cancellationToken)).ConfigureAwait(false);
        return refused is null ? ImportState.Succeeded : await RefuseAsync(importId, refused).ConfigureAwait(false);
    }

    /// <summary>Writes every row and marks the import done, all in one transaction; returns a refusal after rolling back, or null.</summary>
    private async Task<string?> WriteAsync(
        int importId, ImportPlan plan, PeopleReferenceData references, ImportCounts counts,
        (IReadOnlyDictionary<int, Guid> Users, AdministratorProfile By) deletion, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var written = 0;
            var writer = new PeopleWriter(db, references);
            var images = new BeforeImages(db, importId); // R-UNDO-1: in this transaction, after each batch's writes
            var createdIds = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var batch in plan.Rows.Where(r => r.Kind == PlannedRowKind.Updated).Chunk(BatchSize))
            {
                if (await writer.UpdateAsync(batch, BatchSize, cancellationToken).ConfigureAwait(false) is { } userId)
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    return $"User {userId.ToString(CultureInfo.InvariantCulture)} was changed by someone else after the preview. Nothing was imported; preview the file again to see the current values.";
                }

                await images.RecordUpdatedAsync(batch, cancellationToken).ConfigureAwait(false);
                progress.Report(importId, written += batch.Length);
            }

            foreach (var batch in plan.Rows.Where(r => r.Kind == PlannedRowKind.New).Chunk(BatchSize))
            {
                var created = await writer.CreateAsync(batch, BatchSize, cancellationToken).ConfigureAwait(false);
                await images.RecordCreatedAsync(created, cancellationToken).ConfigureAwait(false);
                foreach (var user in created)
                {
                    createdIds[user.NormalizedEmail] = user.Id;
                }
                progress.Report(importId, written += batch.Length);
            }

            if (deletion.Users.Count > 0)
            {
                if (await deletions.DeleteAsync(deletion.Users, deletion.By, references, images, cancellationToken).ConfigureAwait(false) is { } refusal)
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    return refusal;
                }

                progress.Report(importId, written += deletion.Users.Count);
            }

            var results = RowResultsReport.Write(plan, createdIds, deletion.Users);

            // Start-up recovery may have failed this import meanwhile (another instance restarted): then nothing stays written.
            var finished = await db.PeopleImports.Where(i => i.Id == importId && i.State == ImportState.Writing)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.State, ImportState.Succeeded)
                    .SetProperty(i => i.FinishedAt, clock.Now)
                    .SetProperty(i => i.Created, counts.Created)
                    .SetProperty(i => i.Updated, counts.Updated)
                    .SetProperty(i => i.Unchanged, counts.Unchanged)
                    .SetProperty(i => i.Skipped, counts.Skipped)
                    .SetProperty(i => i.Deleted, counts.Deleted)
                    .SetProperty(i => i.RowResults, results)
                    .SetProperty(i => i.ErrorReport, counts.ErrorReport), cancellationToken).ConfigureAwait(false);
            if (finished == 0)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                return Interrupted;
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>R-IMP-13: flagged cells are never written without the administrator's choice, "import only the valid rows" included.</summary>
    internal static string? DamageRefusal(SpreadsheetDamageReport damage, DamagedCellsChoice choice) =>
        damage.NeedsChoice && choice == DamagedCellsChoice.NotChosen
            ? $"{damage.Cells.Count.ToString(CultureInfo.InvariantCulture)} cells of the file look changed by a spreadsheet (see the warning). Nothing was imported: choose to keep the stored values for them, or to import them as they are in the file."
            : null;

    private static string? Refusal(ImportPlan plan, bool importValidRowsOnly, IReadOnlyDictionary<int, Guid> previewed)
    {
        if (RefusalOf(PreviewSummary.Of(plan), importValidRowsOnly) is { } refusal)
        {
            return refusal;
        }

        var stale = plan.Rows.FirstOrDefault(r => r is { Kind: not PlannedRowKind.Invalid, UserId: { } id, Version: { } version } && (!previewed.TryGetValue(id, out var seen) || seen != version));
        return stale is null
            ? null
            : $"User {stale.UserId} ({stale.Name}) was changed by someone else after the preview (line {stale.Line}). Nothing was imported; preview the file again to see the current values.";
    }

    /// <summary>R-IMP-8: what stops a dry run from being imported; the Import button asks the stored preview at once, the job its own plan.</summary>
    internal static string? RefusalOf(PreviewSummary preview, bool importValidRowsOnly)
    {
        if (preview.IsBlocked)
        {
            return "The file cannot be imported: " + string.Join(" ", preview.BlockingProblems.Select(p => p.ToString()));
        }

        if (preview.Invalid > 0 && !importValidRowsOnly)
        {
            var rows = preview.Invalid == 1 ? "1 row of the file is invalid" : $"{preview.Invalid.ToString(CultureInfo.InvariantCulture)} rows of the file are invalid";
            return $"{rows}. Fix the file and upload it again, or choose to import only the valid rows.";
        }

        return preview.ValidRows == 0 ? "No row of the file is valid, so there is nothing to import." : null;
    }

    private async Task<ImportState> RefuseAsync(int importId, string reason)
    {
        await FinishAsync(importId, ImportState.Refused, reason).ConfigureAwait(false);
        return ImportState.Refused;
    }

    /// <summary>Ends an import that wrote nothing, and frees its upload so that it can be imported again (R-IMP-10).</summary>
    private async Task FinishAsync(int importId, ImportState state, string message)
    {
        db.ChangeTracker.Clear();
        await ImportRecovery.EndUnwrittenAsync(db, [importId], state, message, clock.Now, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<bool> MoveAsync(int importId, ImportState from, ImportState to, CancellationToken cancellationToken) =>
        await db.PeopleImports.Where(i => i.Id == importId && i.State == from)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, to), cancellationToken).ConfigureAwait(false) == 1;

    private Task<ImportState> StateOfAsync(int importId) =>
        db.PeopleImports.Where(i => i.Id == importId).Select(i => i.State).SingleAsync();

    private sealed record ImportCounts(int Created, int Updated, int Unchanged, int Skipped, string? ErrorReport, int Deleted);
}

/// <summary>The users' concurrency tokens as the preview saw them, stored with the upload (R-IMP-8).</summary>
public static class PreviewVersions
{
    public static string Format(ImportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Format(plan.Rows
            .Where(r => r is { UserId: not null, Version: not null })
            .DistinctBy(r => r.UserId) // rows naming the same user twice are both errors (R-IMP-6) but see one version
            .Select(r => (r.UserId!.Value, r.Version!.Value)));
    }

    public static string Format(IEnumerable<(int UserId, Guid Version)> versions) =>
        string.Join('\n', versions.Select(v => $"{v.UserId.ToString(CultureInfo.InvariantCulture)}:{v.Version:N}"));

    public static IReadOnlyDictionary<int, Guid> Parse(string text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':'))
            .ToDictionary(p => int.Parse(p[0], CultureInfo.InvariantCulture), p => Guid.ParseExact(p[1], "N"));
}
