using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.Csv;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Persistence;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.People;

/// <summary>
/// R-IMP-9: every import with who, when, which file and its counts, and its error report; R-SEC-8: only the
/// administrator's own imports (every import for a tenant administrator), others answer 404. R-IMP-10:
/// the result page of a running import follows its progress through <see cref="Status"/>.
/// </summary>
[Route("people/imports")]
[Authorize(Policy = Policies.AssignUserRoles)]
public sealed class ImportHistoryController(UserAdminDbContext db, CurrentAdministrator current, ImportProgress progress) : Controller
{
    public const int PageSize = 50;

    private async Task<IQueryable<PeopleImport>> VisibleAsync(CancellationToken cancellationToken) =>
        ImportHistoryScope.VisibleTo(db.PeopleImports.AsNoTracking(), await current.GetAsync(cancellationToken));

    [HttpGet("")]
    public async Task<IActionResult> History(int page = 1, CancellationToken cancellationToken = default)
    {
        // Imports that wrote their rows or are still running; a refused or failed one wrote nothing and is only on its own page.
        var listed = (await VisibleAsync(cancellationToken)).Where(i => i.State != ImportState.Refused && i.State != ImportState.Failed);
        var total = await listed.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var imports = await Summaries(listed.OrderByDescending(i => i.Id).Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);
        return View(new ImportHistoryModel(imports, page, pageCount));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Result(int id, CancellationToken cancellationToken) =>
        await Summaries((await VisibleAsync(cancellationToken)).Where(i => i.Id == id)).SingleOrDefaultAsync(cancellationToken) is { } import
            ? View(import with { RowsWritten = await RowsWrittenAsync(import, cancellationToken) })
            : NotFound();

    /// <summary>Polled by the result page: <c>{ state, phase, finished, rowsWritten, rowsTotal, message }</c>.</summary>
    [HttpGet("{id:int}/status")]
    public async Task<IActionResult> Status(int id, CancellationToken cancellationToken)
    {
        if (await Summaries((await VisibleAsync(cancellationToken)).Where(i => i.Id == id)).SingleOrDefaultAsync(cancellationToken) is not { } import)
        {
            return NotFound();
        }

        return Json(new
        {
            state = import.State.ToString(),
            phase = import.Phase,
            finished = import.State.IsFinished(),
            rowsWritten = await RowsWrittenAsync(import, cancellationToken),
            rowsTotal = import.RowsTotal,
            message = import.Message,
        });
    }

    [HttpGet("{id:int}/errors")]
    public async Task<IActionResult> Errors(int id, CancellationToken cancellationToken)
    {
        var report = await (await VisibleAsync(cancellationToken)).Where(i => i.Id == id).Select(i => new { i.FileName, Text = i.ErrorReport }).SingleOrDefaultAsync(cancellationToken);
        return StoredCsv(report?.Text, report?.FileName, "errors");
    }

    /// <summary>R-IMP-14: every row's outcome of an applied import (line, User ID, outcome, details), R-SEC-8 as the error report.</summary>
    [HttpGet("{id:int}/results")]
    public async Task<IActionResult> Results(int id, CancellationToken cancellationToken)
    {
        var report = await (await VisibleAsync(cancellationToken)).Where(i => i.Id == id).Select(i => new { i.FileName, Text = i.RowResults }).SingleOrDefaultAsync(cancellationToken);
        return StoredCsv(report?.Text, report?.FileName, "results");
    }

    private IActionResult StoredCsv(string? text, string? fileName, string suffix)
    {
        if (text is null)
        {
            return NotFound();
        }

        return File(Core.Csv.CsvDownload.Bytes(text), "text/csv; charset=utf-8", $"{Path.GetFileNameWithoutExtension(fileName)}-{suffix}.csv");
    }

    /// <summary>The committed import wrote all its rows; a running one as far as its run recorded them, on whichever instance it runs (ADR-0016).</summary>
    private async Task<int> RowsWrittenAsync(ImportSummary import, CancellationToken cancellationToken) => import.State switch
    {
        ImportState.Succeeded => import.RowsTotal,
        ImportState.Writing => await progress.WrittenAsync(import.Id, import.RecordedRowsWritten, cancellationToken),
        _ => 0,
    };

    private static IQueryable<ImportSummary> Summaries(IQueryable<PeopleImport> imports) =>
        imports.Select(i => new ImportSummary(i.Id, i.UploadId, i.State, i.FileName, i.ImportedByName, i.ImportedAt, i.Created, i.Updated, i.Unchanged, i.Skipped, i.ErrorReport != null, i.RowsTotal, i.Message)
        {
            Deleted = i.Deleted,
            RecordedRowsWritten = i.RowsWritten,
            HasRowResults = i.RowResults != null,
            RevertOfImportId = i.RevertOfImportId,
            RevertedByImportId = i.RevertedByImportId,
        });
}

public sealed record ImportSummary(
    int Id, Guid? UploadId, ImportState State, string FileName, string ImportedBy, Instant ImportedAt,
    int Created, int Updated, int Unchanged, int Skipped, bool HasErrorReport, int RowsTotal, string? Message)
{
    public int RowsWritten { get; init; }

    /// <summary>R-IMP-10: the rows written as the running job last committed them (PostgreSQL, SQL Server).</summary>
    public int RecordedRowsWritten { get; init; }

    /// <summary>R-IMP-14: the per-row results can be downloaded.</summary>
    public bool HasRowResults { get; init; }

    /// <summary>R-UNDO-2: created users a revert deleted.</summary>
    public int Deleted { get; init; }

    /// <summary>R-UNDO-2: the import this one reverts, and the revert of this one; each page links the other.</summary>
    public int? RevertOfImportId { get; init; }

    public int? RevertedByImportId { get; init; }

    public bool IsFinished => State.IsFinished();

    /// <summary>The phase in the administrator's words (R-IMP-10).</summary>
    public string Phase => State switch
    {
        ImportState.Queued => "Waiting to start",
        ImportState.Checking => "Checking the file again",
        ImportState.Writing => "Writing the users",
        ImportState.Succeeded => "Imported",
        ImportState.Refused => "Not imported",
        _ => "Failed — nothing was written",
    };
}

public sealed record ImportHistoryModel(IReadOnlyList<ImportSummary> Imports, int Page, int PageCount);
