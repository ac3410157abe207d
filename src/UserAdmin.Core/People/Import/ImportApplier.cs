using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using UserAdmin.Core.Csv;
using UserAdmin.Core.People.Revert;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Uploads;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-8, R-IMP-10: the background job of a queued import. It runs the dry run again and writes its
/// valid rows in one transaction, or nothing. Each updated user's concurrency token must still be the
/// one the preview saw; writes go in batches of prepared statements, untracked, so memory stays flat.
/// The import's state row decides everything: a second copy of the job (Hangfire runs jobs at least
/// once) finds it no longer queued and does nothing; a failure or refusal frees the upload so the
/// administrator can start the import again. The run holds the import's <see cref="RunningImportLock"/>
/// from its claim to its end (ADR-0016): no other instance ends it meanwhile, and a copy of the job that
/// finds the lock free and the import unfinished knows the run before it died, and ends it as interrupted.
/// </summary>
public sealed class ImportApplier(
    UserAdminDbContext db,
    ImportPlanner planner,
    AdministratorProfiles administrators,
    RevertDeletions deletions,
    ImportProgress progress,
    RunningImportLock locks,
    TenantClock clock,
    ILogger<ImportApplier> logger)
{
    public const string Interrupted = "The import was interrupted (the app stopped or restarted) before it finished. Its transaction was rolled back: nothing was written. Start it again from the preview.";
    private const string Broke = "The import failed because of an error on the server. Its transaction was rolled back: nothing was written. Try again; if it fails again, tell your support team the import's number.";
    private const int BatchSize = 1000;

    public async Task<ImportState> RunAsync(int importId, CancellationToken cancellationToken = default)
    {
        await using var lease = await locks.TryTakeAsync(importId, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            logger.LogInformation("Import {ImportId} is held by a live run; this copy of its job does nothing", importId);
            return await StateOfAsync(importId).ConfigureAwait(false);
        }

        if (!await MoveAsync(importId, ImportState.Queued, ImportState.Checking, cancellationToken).ConfigureAwait(false))
        {
            return await EndDeadRunAsync(importId).ConfigureAwait(false);
        }

        progress.Begin(lease);
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
        // The preview's versions are read apart (a line per user): the job keeps only their parsed form.
        var draft = await db.ImportDrafts.AsNoTracking().Where(d => d.UploadId == import.UploadId)
            .Select(d => new { d.Upload, d.MappingJson, d.PreviewJson, HasVersions = d.PreviewVersions != null })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var administrator = await administrators.LoadAsync(import.ImportedByUserId, cancellationToken).ConfigureAwait(false);
        if (draft?.MappingJson is null || !draft.HasVersions || administrator is null)
        {
            return await RefuseAsync(importId, draft is null
                ? "The uploaded file has expired meanwhile. Upload it again to import it."
                : "The administrator who started this import can no longer sign in, so it was not run.").ConfigureAwait(false);
        }

        // The rows to write are known only as the plan streams (R-IMP-11): the total is the stored preview's, which the job's own plan matches unless the file is refused.
        // R-UNDO-2: a revert also deletes the created users its preview found owning nothing; its file holds their rows unchanged.
        var deleted = import.RevertOfImportId is null
            ? new Dictionary<int, Guid>()
            : PreviewVersions.Parse(await db.ImportRevertDrafts.AsNoTracking().Where(d => d.UploadId == import.UploadId).Select(d => d.DeletedUsers).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? "");
        var total = (draft.PreviewJson is { } previewJson ? PreviewSummary.FromJson(previewJson).Writes : 0) + deleted.Count;
        await db.PeopleImports.Where(i => i.Id == importId && i.State == ImportState.Checking)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, ImportState.Writing).SetProperty(i => i.RowsTotal, total), cancellationToken).ConfigureAwait(false);
        var references = await PeopleReferenceData.LoadAsync(db, cancellationToken).ConfigureAwait(false);
        var work = new ImportWork(import, await UploadStore.DocumentAsync(db, draft.Upload, cancellationToken).ConfigureAwait(false), ImportMapping.FromJson(draft.MappingJson), administrator, await PreviewedAsync(draft.Upload.Id, cancellationToken).ConfigureAwait(false), deleted);

        // SQL Server retries transient failures; a user transaction must then run inside the strategy, as one retriable unit.
        var strategy = db.Database.CreateExecutionStrategy();
        var refused = await strategy.ExecuteAsync(() => WriteAsync(work, references, cancellationToken)).ConfigureAwait(false);
        return refused is null ? ImportState.Succeeded : await RefuseAsync(importId, refused).ConfigureAwait(false);
    }

    /// <summary>The users' versions the preview saw (R-IMP-8), read in a method of its own so that their text does not outlive it.</summary>
    private async Task<IReadOnlyDictionary<int, Guid>> PreviewedAsync(Guid uploadId, CancellationToken cancellationToken) =>
        PreviewVersions.Parse(await db.ImportDrafts.Where(d => d.UploadId == uploadId).Select(d => d.PreviewVersions).SingleAsync(cancellationToken).ConfigureAwait(false) ?? "");

    /// <summary>
    /// Plans the file again and writes each chunk's valid rows as it is planned (R-IMP-11), then marks the import
    /// done, all in one transaction (R-IMP-8); returns a refusal after rolling back, or null. A refusal that only
    /// the whole file shows (invalid rows, flagged cells without a choice) rolls back what the chunks wrote.
    /// </summary>
    private async Task<string?> WriteAsync(ImportWork work, PeopleReferenceData references, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var importId = work.Import.Id;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var written = 0;
            var writer = new PeopleWriter(db, references);
            using var report = new InvalidRowsReport(work.Document.Headers);
            var results = new RowResultsReport(work.Deleted);
            var images = new BeforeImages(db, importId); // R-UNDO-1: in this transaction, after each batch's writes
            var createdIds = new Dictionary<string, int>(StringComparer.Ordinal);
            var waiting = new List<PlannedRow>();
            string? stopped = null;
            var outline = await planner.PlanAsync(work.Document, work.Mapping, work.Administrator, work.Import.DamagedCells, async (chunk, token) =>
            {
                report.Add(chunk.Rows);
                results.Add(chunk.Rows);
                stopped ??= StaleRowRefusal(chunk.Rows, work.Previewed);
                if (stopped is not null)
                {
                    return; // nothing more is written: the transaction is rolled back
                }

                foreach (var batch in chunk.Rows.Where(r => r.Kind == PlannedRowKind.Updated).Chunk(BatchSize))
                {
                    if (await writer.UpdateAsync(batch, BatchSize, token).ConfigureAwait(false) is { } userId)
                    {
                        stopped = ChangedMeanwhile(userId);
                        return;
                    }

                    await images.RecordUpdatedAsync(batch, token).ConfigureAwait(false);
                    await progress.ReportAsync(importId, written += batch.Length, token).ConfigureAwait(false);
                }

                // A new user taking an email or login that a later row's user gives up waits until every update is written.
                var creates = chunk.Rows.Where(r => r.Kind == PlannedRowKind.New).ToLookup(chunk.TakesAKeyGivenUp);
                waiting.AddRange(creates[true]);
                foreach (var batch in creates[false].Chunk(BatchSize))
                {
                    await CreateAsync(writer, images, createdIds, batch, token).ConfigureAwait(false);
                    await progress.ReportAsync(importId, written += batch.Length, token).ConfigureAwait(false);
                }
            }, cancellationToken).ConfigureAwait(false);

            var refusal = DamageRefusal(outline.Damage, work.Import.DamagedCells) ?? RefusalOf(PreviewSummary.Of(outline), work.Import.ImportValidRowsOnly) ?? stopped;
            if (refusal is not null)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                return refusal;
            }

            foreach (var batch in waiting.Chunk(BatchSize))
            {
                await CreateAsync(writer, images, createdIds, batch, cancellationToken).ConfigureAwait(false);
                await progress.ReportAsync(importId, written += batch.Length, cancellationToken).ConfigureAwait(false);
            }

            if (work.Deleted.Count > 0)
            {
                if (await deletions.DeleteAsync(work.Deleted, work.Administrator, references, images, cancellationToken).ConfigureAwait(false) is { } notDeleted)
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    return notDeleted;
                }

                await progress.ReportAsync(importId, written += work.Deleted.Count, cancellationToken).ConfigureAwait(false);
            }

            var counts = new ImportCounts(outline.Tally.New, outline.Tally.Updated, outline.Tally.Unchanged - results.DeletedRows, outline.Tally.Invalid, report.Text(), work.Deleted.Count);

            // Its lock keeps other instances from ending it meanwhile; should it have been lost with its connection, nothing stays written.
            var finished = await db.PeopleImports.Where(i => i.Id == importId && i.State == ImportState.Writing)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.State, ImportState.Succeeded)
                    .SetProperty(i => i.FinishedAt, clock.Now)
                    .SetProperty(i => i.Created, counts.Created)
                    .SetProperty(i => i.Updated, counts.Updated)
                    .SetProperty(i => i.Unchanged, counts.Unchanged)
                    .SetProperty(i => i.Skipped, counts.Skipped)
                    .SetProperty(i => i.ErrorReport, counts.ErrorReport)
                    .SetProperty(i => i.Deleted, counts.Deleted)
                    .SetProperty(i => i.RowResults, results.Text(createdIds)), cancellationToken).ConfigureAwait(false);
            if (finished == 0)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                return Interrupted;
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Writes new users and records them for a revert (R-UNDO-1) and for the row results (R-IMP-14).</summary>
    private static async Task CreateAsync(PeopleWriter writer, BeforeImages images, Dictionary<string, int> createdIds, IReadOnlyList<PlannedRow> batch, CancellationToken cancellationToken)
    {
        var created = await writer.CreateAsync(batch, BatchSize, cancellationToken).ConfigureAwait(false);
        await images.RecordCreatedAsync(created, cancellationToken).ConfigureAwait(false);
        foreach (var user in created)
        {
            createdIds[user.NormalizedEmail] = user.Id;
        }
    }

    /// <summary>R-IMP-13: flagged cells are never written without the administrator's choice, "import only the valid rows" included.</summary>
    internal static string? DamageRefusal(SpreadsheetDamageReport damage, DamagedCellsChoice choice) =>
        damage.NeedsChoice && choice == DamagedCellsChoice.NotChosen
            ? $"{damage.Cells.Count.ToString(CultureInfo.InvariantCulture)} cells of the file look changed by a spreadsheet (see the warning). Nothing was imported: choose to keep the stored values for them, or to import them as they are in the file."
            : null;

    /// <summary>R-IMP-8: a row whose user changed since the preview saw them (another version, or not seen at all).</summary>
    private static string? StaleRowRefusal(IEnumerable<PlannedRow> rows, IReadOnlyDictionary<int, Guid> previewed)
    {
        var stale = rows.FirstOrDefault(r => r is { Kind: not PlannedRowKind.Invalid, UserId: { } id, Version: { } version } && (!previewed.TryGetValue(id, out var seen) || seen != version));
        return stale is null
            ? null
            : $"User {stale.UserId} ({stale.Name}) was changed by someone else after the preview (line {stale.Line}). Nothing was imported; preview the file again to see the current values.";
    }

    private static string ChangedMeanwhile(int userId) =>
        $"User {userId.ToString(CultureInfo.InvariantCulture)} was changed by someone else after the preview. Nothing was imported; preview the file again to see the current values.";

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

    /// <summary>
    /// A copy of the job that holds the lock of an import no longer queued: finished, it does nothing; unfinished,
    /// the run that claimed it died with its process (R-IMP-10), so it is ended as interrupted, not run again.
    /// </summary>
    private async Task<ImportState> EndDeadRunAsync(int importId)
    {
        var state = await StateOfAsync(importId).ConfigureAwait(false);
        if (state.IsFinished())
        {
            logger.LogInformation("Import {ImportId} is no longer queued; this copy of its job does nothing", importId);
            return state;
        }

        logger.LogWarning("Import {ImportId} was left {State} by a run that died; ending it as interrupted, nothing was written", importId, state);
        await FinishAsync(importId, ImportState.Failed, Interrupted).ConfigureAwait(false);
        return ImportState.Failed;
    }

    private async Task<bool> MoveAsync(int importId, ImportState from, ImportState to, CancellationToken cancellationToken) =>
        await db.PeopleImports.Where(i => i.Id == importId && i.State == from)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, to), cancellationToken).ConfigureAwait(false) == 1;

    private Task<ImportState> StateOfAsync(int importId) =>
        db.PeopleImports.Where(i => i.Id == importId).Select(i => i.State).SingleAsync();

    private sealed record ImportCounts(int Created, int Updated, int Unchanged, int Skipped, string? ErrorReport, int Deleted);

    /// <summary>
    /// What the job plans and writes: the queued import, its stored file and mapping, who started it, the versions the
    /// preview saw, and the created users a revert deletes (R-UNDO-2).
    /// </summary>
    private sealed record ImportWork(PeopleImport Import, CsvDocument Document, ImportMapping Mapping, AdministratorProfile Administrator, IReadOnlyDictionary<int, Guid> Previewed, IReadOnlyDictionary<int, Guid> Deleted);
}

/// <summary>The users' concurrency tokens as the preview saw them, stored with the upload (R-IMP-8).</summary>
public static class PreviewVersions
{
    public static string Format(ImportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var builder = new Builder();
        builder.Add(plan.Rows);
        return builder.ToString();
    }

    public static string Format(IEnumerable<(int UserId, Guid Version)> versions) =>
        string.Join('\n', versions.Select(v => $"{v.UserId.ToString(CultureInfo.InvariantCulture)}:{v.Version:N}"));

    /// <summary>The versions of a plan's rows gathered chunk by chunk (R-IMP-11).</summary>
    public sealed class Builder
    {
        private readonly StringBuilder _text = new();
        private readonly HashSet<int> _users = [];

        public void Add(IEnumerable<PlannedRow> rows)
        {
            ArgumentNullException.ThrowIfNull(rows);

            // Rows naming the same user twice are both errors (R-IMP-6) but see one version.
            foreach (var row in rows.Where(r => r is { UserId: not null, Version: not null }).Where(r => _users.Add(r.UserId!.Value)))
            {
                _text.Append(_text.Length == 0 ? "" : "\n").Append(row.UserId!.Value.ToString(CultureInfo.InvariantCulture)).Append(':').Append(row.Version!.Value.ToString("N"));
            }
        }

        public override string ToString() => _text.ToString();
    }

    public static IReadOnlyDictionary<int, Guid> Parse(string text)
    {
        var all = (text ?? "").AsSpan();
        var versions = new Dictionary<int, Guid>();
        foreach (var range in all.Split('\n'))
        {
            var line = all[range];
            if (line.IsEmpty)
            {
                continue;
            }

            var colon = line.IndexOf(':');
            versions.Add(int.Parse(line[..colon], CultureInfo.InvariantCulture), Guid.ParseExact(line[(colon + 1)..], "N"));
        }

        return versions;
    }
}
