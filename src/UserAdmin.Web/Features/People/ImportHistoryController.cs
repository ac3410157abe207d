using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.People;

/// <summary>R-IMP-9: every import with who, when, which file and its counts, and its error report.</summary>
[Route("people/imports")]
[Authorize(Policy = Policies.AssignUserRoles)]
public sealed class ImportHistoryController(UserAdminDbContext db) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> History(int page = 1, CancellationToken cancellationToken = default)
    {
        var total = await db.PeopleImports.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var imports = await db.PeopleImports.AsNoTracking()
            .OrderByDescending(i => i.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(i => new ImportSummary(i.Id, i.FileName, i.ImportedByName, i.ImportedAt, i.Created, i.Updated, i.Unchanged, i.Skipped, i.ErrorReport != null))
            .ToListAsync(cancellationToken);
        return View(new ImportHistoryModel(imports, page, pageCount));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Result(int id, CancellationToken cancellationToken) =>
        await db.PeopleImports.AsNoTracking()
            .Where(i => i.Id == id)
            .Select(i => new ImportSummary(i.Id, i.FileName, i.ImportedByName, i.ImportedAt, i.Created, i.Updated, i.Unchanged, i.Skipped, i.ErrorReport != null))
            .SingleOrDefaultAsync(cancellationToken) is { } import
            ? View(import)
            : NotFound();

    [HttpGet("{id:int}/errors")]
    public async Task<IActionResult> Errors(int id, CancellationToken cancellationToken)
    {
        var report = await db.PeopleImports.Where(i => i.Id == id).Select(i => new { i.FileName, i.ErrorReport }).SingleOrDefaultAsync(cancellationToken);
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
