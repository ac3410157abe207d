using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.People.Mappings;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.Mappings;

/// <summary>R-MAP-3: saved mapping schemas, shared by the tenant's administrators: list, rename, delete.</summary>
[Route("mappings")]
[Authorize(Policy = Policies.AssignUserRoles)]
public sealed class MappingsController(MappingSchemas schemas) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var mappings = await schemas.ListAsync(cancellationToken);
        return View(mappings.ConvertAll(m => new MappingSummary(m, ImportMapping.FromJson(m.MappingJson).Columns.Count)));
    }

    [HttpPost("{id:int}/rename")]
    public async Task<IActionResult> Rename(int id, string? name, CancellationToken cancellationToken)
    {
        var problem = await schemas.RenameAsync(id, name ?? "", cancellationToken);
        TempData[problem is null ? "Notice" : "Error"] = problem ?? $"The mapping was renamed to \"{name!.Trim()}\".";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await schemas.FindAsync(id, cancellationToken) is { } mapping ? View(mapping) : NotFound();

    [HttpPost("{id:int}/delete")]
    [ActionName(nameof(Delete))]
    public async Task<IActionResult> DeleteConfirmed(int id, CancellationToken cancellationToken)
    {
        var deleted = await schemas.DeleteAsync(id, cancellationToken);
        TempData[deleted ? "Notice" : "Error"] = deleted ? "The mapping was deleted." : "This mapping no longer exists; it was deleted meanwhile.";
        return RedirectToAction(nameof(Index));
    }
}

public sealed record MappingSummary(SavedMapping Mapping, int FieldsMapped);
