using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using UserAdmin.Core.People;
using UserAdmin.Core.Uploads;
using UserAdmin.Core.Users;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.People;

/// <summary>The people.csv page: export (R-EXP-*) and the way into the import.</summary>
[Route("people")]
[Authorize]
public sealed class PeopleController(CurrentAdministrator current, PeopleCsvExport export, IOptions<UploadLimits> limits) : Controller
{
    /// <summary>R-EXP-5: the page warns when the administrator's own export would not fit the import's limits.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var administrator = await current.GetAsync(cancellationToken);
        var warning = administrator.Has(Permissions.ExportUsers)
            ? limits.Value.RefusalOfExport(await export.SizeAsync(administrator, cancellationToken))
            : null;
        return View(new PeoplePageModel(administrator, warning));
    }

    /// <summary>R-EXP-1..4: streamed straight from the database to the response.</summary>
    [HttpGet("export")]
    [Authorize(Policy = Policies.ExportUsers)]
    public async Task<IActionResult> Export(string? dateFormat, CancellationToken cancellationToken)
    {
        if (PeopleCsvExport.DateFormatFrom(dateFormat, out var problem) is not { } format)
        {
            return BadRequest(problem);
        }

        var administrator = await current.GetAsync(cancellationToken);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{PeopleCsvExport.FileName}\"";
        await export.WriteAsync(Response.Body, administrator, format, cancellationToken);
        return new EmptyResult();
    }
}

public sealed record PeoplePageModel(AdministratorProfile Administrator, string? ExportTooLargeToImport);
