using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>The result of an apply: the recorded import, or why nothing was written.</summary>
public sealed record ImportOutcome(PeopleImport? Import, string? Refusal)
{
    public static ImportOutcome Refused(string reason) => new(null, reason);
}

/// <summary>
/// R-IMP-8: runs the dry run again and writes its valid rows in one transaction, or nothing. Each
/// updated user's concurrency token must still be the one the preview saw; writes go in batches
/// of prepared statements, untracked, so memory stays flat for large files.
/// </summary>
public sealed class ImportApplier(UserAdminDbContext db, ImportPlanner planner, TenantClock clock)
{
    private const int BatchSize = 1000;
    private const string SubmittedTwice = "This file has already been imported (the import was submitted twice). Nothing was imported a second time.";

    public Task<ImportOutcome> ApplyAsync(ImportUpload upload, AdministratorProfile administrator, bool importValidRowsOnly, CancellationToken cancellationToken = default) =>
        ApplyAsync(upload, administrator, importValidRowsOnly, DamagedCellsChoice.NotChosen, cancellationToken);

    /// <summary>R-IMP-8, R-IMP-13: the damaged cells are written as the administrator chose; with cells flagged and no choice, nothing is.</summary>
    public async Task<ImportOutcome> ApplyAsync(ImportUpload upload, AdministratorProfile administrator, bool importValidRowsOnly, DamagedCellsChoice damagedCells, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(administrator);
        if (upload.ImportId is not null)
        {
            return ImportOutcome.Refused("This file has already been imported. Upload it again to import it once more.");
        }

        if (upload.MappingJson is null || upload.PreviewVersions is null)
        {
            return ImportOutcome.Refused("This file has not been previewed yet. Map its columns and look at the preview before importing.");
        }

        var document = CsvDocument.Reopen(upload.Content);
        var plan = await planner.PlanAsync(document, ImportMapping.FromJson(upload.MappingJson), administrator, damagedCells, cancellationToken).ConfigureAwait(false);
        if ((DamageRefusal(plan, damagedCells) ?? Refusal(plan, importValidRowsOnly, PreviewVersions.Parse(upload.PreviewVersions))) is { } refusal)
        {
            // A double submit whose twin committed while this one planned sees the twin's writes as someone else's changes.
            var importedMeanwhile = await db.ImportUploads.AnyAsync(u => u.Id == upload.Id && u.ImportId != null, cancellationToken).ConfigureAwait(false);
            return ImportOutcome.Refused(importedMeanwhile ? SubmittedTwice : refusal);
        }

        var references = await PeopleReferenceData.LoadAsync(db, cancellationToken).ConfigureAwait(false);

        // SQL Server retries transient failures; a user transaction must then run inside the strategy, as one retriable unit.
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(() => WriteAsync(upload, administrator, plan, document, references, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<ImportOutcome> WriteAsync(ImportUpload upload, AdministratorProfile administrator, ImportPlan plan, CsvDocument document, PeopleReferenceData references, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var import = await RecordAsync(upload, administrator, plan, document, cancellationToken).ConfigureAwait(false);
            var claimed = await db.ImportUploads
                .Where(u => u.Id == upload.Id && u.ImportId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.ImportId, import.Id), cancellationToken).ConfigureAwait(false);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return ImportOutcome.Refused(SubmittedTwice);
            }

            var writer = new PeopleWriter(db, references);
            var changed = await writer.UpdateAsync(plan.Rows.Where(r => r.Kind == PlannedRowKind.Updated), BatchSize, cancellationToken).ConfigureAwait(false);
            if (changed is { } userId)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                return ImportOutcome.Refused(
                    $"User {userId.ToString(CultureInfo.InvariantCulture)} was changed by someone else after the preview. Nothing was imported; preview the file again to see the current values.");
            }

            await writer.CreateAsync(plan.Rows.Where(r => r.Kind == PlannedRowKind.New), BatchSize, cancellationToken).ConfigureAwait(false);

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new ImportOutcome(import, null);
        }
    }

    /// <summary>R-IMP-13: flagged cells are never written without the administrator's choice, "import only the valid rows" included.</summary>
    private static string? DamageRefusal(ImportPlan plan, DamagedCellsChoice choice) =>
        plan.Damage.NeedsChoice && choice == DamagedCellsChoice.NotChosen
            ? $"{plan.Damage.Cells.Count.ToString(CultureInfo.InvariantCulture)} cells of the file look changed by a spreadsheet (see the warning). Nothing was imported: choose to keep the stored values for them, or to import them as they are in the file."
            : null;

    private static string? Refusal(ImportPlan plan, bool importValidRowsOnly, IReadOnlyDictionary<int, Guid> previewed)
    {
        if (plan.WhyItCannotBeApplied(importValidRowsOnly) is { } refusal)
        {
            return refusal;
        }

        var stale = plan.Rows.FirstOrDefault(r => r is { Kind: not PlannedRowKind.Invalid, UserId: { } id, Version: { } version } && (!previewed.TryGetValue(id, out var seen) || seen != version));
        return stale is null
            ? null
            : $"User {stale.UserId} ({stale.Name}) was changed by someone else after the preview (line {stale.Line}). Nothing was imported; preview the file again to see the current values.";
    }

    private async Task<PeopleImport> RecordAsync(ImportUpload upload, AdministratorProfile administrator, ImportPlan plan, CsvDocument document, CancellationToken cancellationToken)
    {
        var import = new PeopleImport
        {
            FileName = upload.FileName,
            ImportedByUserId = administrator.UserId,
            ImportedByName = administrator.DisplayName,
            ImportedAt = clock.Now,
            Created = plan.Count(PlannedRowKind.New),
            Updated = plan.Count(PlannedRowKind.Updated),
            Unchanged = plan.Count(PlannedRowKind.Unchanged),
            Skipped = plan.Count(PlannedRowKind.Invalid),
            ErrorReport = InvalidRowsReport.Write(document.Headers, plan),
        };
        db.PeopleImports.Add(import);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return import;
    }
}

/// <summary>The users' concurrency tokens as the preview saw them, stored with the upload (R-IMP-8).</summary>
public static class PreviewVersions
{
    public static string Format(ImportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return string.Join('\n', plan.Rows
            .Where(r => r is { UserId: not null, Version: not null })
            .DistinctBy(r => r.UserId) // rows naming the same user twice are both errors (R-IMP-6) but see one version
            .Select(r => $"{r.UserId!.Value.ToString(CultureInfo.InvariantCulture)}:{r.Version!.Value:N}"));
    }

    public static IReadOnlyDictionary<int, Guid> Parse(string text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':'))
            .ToDictionary(p => int.Parse(p[0], CultureInfo.InvariantCulture), p => Guid.ParseExact(p[1], "N"));
}
