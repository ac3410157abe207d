using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Persistence;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.People;

/// <summary>
/// R-IMP-9: every import with who, when, which file and its counts, and its error report; R-SEC-8: only the
/// administrator's own imports (every import for a tenant administrator), others answer 404.
/// </summary>
[Route("people/imports")]
[Authorize(Policy = Policies.AssignUserRoles)]
public sealed class ImportHistoryController(UserAdminDbContext db, CurrentAdministrator current) : Controller
{
    private async Task<IQueryable<PeopleImport>> VisibleAsync(CancellationToken cancellationToken) =>
        ImportHistoryScope.VisibleTo(db.PeopleImports.AsNoTracking(), await current.GetAsync(cancellationToken));

    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> History(int page = 1, CancellationToken cancellationToken = default)
    {
        var visible = await VisibleAsync(cancellationToken);
        var total = await visible.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var imports = await visible
            .OrderByDescending(i => i.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(i => new ImportSummary(i.Id, i.FileName, i.ImportedByName, i.ImportedAt, i.Created, i.Updated, i.Unchanged, i.Skipped, i.ErrorReport != null))
            .ToListAsync(cancellationToken);
        return View(new ImportHistoryModel(imports, page, pageCount));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Result(int id, CancellationToken cancellationToken) =>
        await (await VisibleAsync(cancellationToken))
            .Where(i => i.Id == id)
            .Select(i => new ImportSummary(i.Id, i.FileName, i.ImportedByName, i.ImportedAt, i.Created, i.Updated, i.Unchanged, i.Skipped, i.ErrorReport != null))
            .SingleOrDefaultAsync(cancellationToken) is { } import
            ? View(import)
            : NotFound();

    [HttpGet("{id:int}/errors")]
    public async Task<IActionResult> Errors(int id, CancellationToken cancellationToken)
    {
        var report = await (await VisibleAsync(cancellationToken)).Where(i => i.Id == id).Select(i => new { i.FileName, i.ErrorReport }).SingleOrDefaultAsync(cancellationToken);
        if (report?.ErrorReport is null)
        {
            return NotFound();
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(report.ErrorReport)).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"{Path.GetFileNameWithoutExtension(report.FileName)}-errors.csv");
    }
}

public sealed record ImportSummary(int Id, string FileName, string ImportedBy, NodaTime.Instant ImportedAt, int Created, int Updated, int Unchanged, int Skipped, bool HasErrorReport);

public sealed record ImportHistoryModel(IReadOnlyList<ImportSummary> Imports, int Page, int PageCount);
