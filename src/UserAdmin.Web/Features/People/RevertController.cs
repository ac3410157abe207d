using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using UserAdmin.Core.Csv;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.People.Revert;
using UserAdmin.Core.Users;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.People;

/// <summary>
/// R-UNDO-2: Revert on an import's page. The preview is the import preview of a file generated from the import's
/// before-images, with the users changed since listed apart (included only when the administrator checks them);
/// Revert queues it as an import of its own (R-IMP-10). R-SEC-8: only imports the administrator may see; others answer 404.
/// </summary>
[Route("people/imports/{id:int}/revert")]
[Authorize(Policy = Policies.AssignUserRoles)]
public sealed class RevertController(CurrentAdministrator current, ImportReverts reverts, ImportPreviews previews, ImportJobs jobs) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Preview(int id, PreviewSection view = PreviewSection.Changes, int page = 1, CancellationToken cancellationToken = default)
    {
        var (administrator, import, refused) = await RevertableAsync(id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var draft = await reverts.CurrentDraftAsync(id, administrator, cancellationToken)
            ?? await reverts.DraftAsync(import, administrator, new HashSet<int>(), cancellationToken);
        return await ShowAsync(import, draft, administrator, view, page, cancellationToken);
    }

    /// <summary>Plans the revert again, with the users changed since that the administrator checked.</summary>
    [HttpPost("include")]
    public async Task<IActionResult> Include(int id, int[] include, CancellationToken cancellationToken)
    {
        var (administrator, import, refused) = await RevertableAsync(id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var draft = await reverts.DraftAsync(import, administrator, (include ?? []).ToHashSet(), cancellationToken);
        return draft.Generated is null
            ? await ShowAsync(import, draft, administrator, PreviewSection.Changes, 1, cancellationToken)
            : RedirectToAction(nameof(Preview), new { id });
    }

    /// <summary>R-UNDO-2, R-IMP-10: queues the previewed revert and shows its result page, which follows its progress.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Apply(int id, Guid draft, CancellationToken cancellationToken)
    {
        var administrator = await current.GetAsync(cancellationToken);
        if (await reverts.FindAsync(id, administrator, cancellationToken) is not { } import)
        {
            return NotFound();
        }

        var outcome = await reverts.SubmitAsync(import, draft, administrator, cancellationToken);
        if (outcome.Import is not { } revert)
        {
            TempData["Error"] = outcome.Refusal;
            return RedirectToAction(nameof(Preview), new { id });
        }

        jobs.Enqueue(revert.Id);
        return Redirect($"/people/imports/{revert.Id}");
    }

    /// <summary>The import when this administrator may see it (R-SEC-8, else 404) and it can be reverted (else the reason), with the answer otherwise.</summary>
    private async Task<(AdministratorProfile Administrator, PeopleImport Import, IActionResult? Refused)> RevertableAsync(int id, CancellationToken cancellationToken)
    {
        var administrator = await current.GetAsync(cancellationToken);
        if (await reverts.FindAsync(id, administrator, cancellationToken) is not { } import)
        {
            return (administrator, null!, NotFound());
        }

        return await reverts.RefusalOfAsync(import, cancellationToken) is { } refusal
            ? (administrator, import, View("RevertRefused", new RevertRefusedModel(import, refusal.Message)))
            : (administrator, import, null);
    }

    private async Task<IActionResult> ShowAsync(PeopleImport import, RevertDraftView draft, AdministratorProfile administrator, PreviewSection view, int page, CancellationToken cancellationToken)
    {
        if (draft.Generated is not { } generated)
        {
            return View("RevertEmpty", new RevertPreviewModel(import, draft, await reverts.CouldNotBeMadeAsync(draft, cancellationToken)));
        }

        // The summary first: it plans again when the administrator's permissions changed, and the refusal reads it.
        var summary = await previews.SummaryAsync(generated, administrator, cancellationToken: cancellationToken);
        var section = view == PreviewSection.Errors ? PreviewSection.Errors : PreviewSection.Changes;
        var pageNumber = PreviewModel.Clamp(page, summary.CountOf(section));
        var (items, _) = await previews.PageAsync(generated.UploadId, section, (pageNumber - 1) * PreviewModel.PageSize, PreviewModel.PageSize, cancellationToken);
        var (activations, _) = await previews.PageAsync(generated.UploadId, PreviewSection.Activations, 0, PreviewModel.ActivationsShown, cancellationToken);
        return View("Preview", new PreviewModel(generated, summary, section, pageNumber, items, activations)
        {
            Revert = new RevertPreviewModel(import, draft, await reverts.CouldNotBeMadeAsync(draft, cancellationToken)),
        });
    }
}
