using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using UserAdmin.Core.Csv;
using UserAdmin.Core.People;
using UserAdmin.Core.People.Import;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.People;

/// <summary>The import wizard (DESIGN 4): upload → map → preview → import → result.</summary>
[Route("people/import")]
[Authorize(Policy = Policies.AssignUserRoles)]
public sealed class ImportController(
    CurrentAdministrator current,
    ImportUploadStore uploads,
    ImportPreviews previews,
    ImportApplier applier,
    IOptions<ImportSettings> settings) : Controller
{
    private ImportSettings Limits => settings.Value;

    [HttpGet("")]
    public IActionResult Upload() => View(new UploadModel(Limits, []));

    /// <summary>R-IMP-1: every file problem is answered on the page; nothing is stored until the file passes.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return View(new UploadModel(Limits, [CsvProblem.OfFile(file is null ? "Choose a CSV file to upload." : "The file is empty.")]));
        }

        if (file.Length > Limits.MaxFileBytes)
        {
            return View(new UploadModel(Limits, [CsvProblem.OfFile(
                $"The file is {UploadModel.Megabytes(file.Length)}; the largest file one import takes is {UploadModel.Megabytes(Limits.MaxFileBytes)}. Split it into several files.")]));
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var opened = CsvDocument.Open(content, Limits.MaxRows);
        if (opened.Document is not { } document)
        {
            return View(new UploadModel(Limits, opened.Problems));
        }

        var administrator = await current.GetAsync(cancellationToken);
        var upload = await uploads.AddAsync(file.FileName, content, document.RowCount, administrator.UserId, cancellationToken);
        return RedirectToAction(nameof(Map), new { id = upload.Id });
    }

    [HttpGet("{id:guid}/map")]
    public async Task<IActionResult> Map(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } found)
        {
            return UploadGone();
        }

        var mapping = found.Upload.MappingJson is { } json ? ImportMapping.FromJson(json) : ImportMapping.AutoMatch(found.Document.Headers);
        return View(MapModel.For(found.Upload, found.Document, mapping, []));
    }

    /// <summary>R-IMP-2: the form names each field's column ("" = not in file) and each date field's format.</summary>
    [HttpPost("{id:guid}/map")]
    public async Task<IActionResult> Map(Guid id, IFormCollection form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await FindAsync(id, cancellationToken) is not { } found)
        {
            return UploadGone();
        }

        var mapping = MapModel.ReadForm(form);
        var problems = PersonFields.All
            .Where(f => f.IsRequired && !mapping.IsMapped(f.Field))
            .Select(f => CsvProblem.OfFile($"{f.Header} is required: choose the column that holds it."))
            .Concat(mapping.Columns.Where(c => !found.Document.Headers.Contains(c.Value))
                .Select(c => CsvProblem.OfFile($"{PersonFields.Of(c.Key).Header}: the file has no column \"{c.Value}\".")))
            .ToList();
        if (problems.Count > 0)
        {
            return View(MapModel.For(found.Upload, found.Document, mapping, problems));
        }

        found.Upload.MappingJson = mapping.ToJson();
        found.Upload.PreviewVersions = null;
        await uploads.SaveAsync(found.Upload, cancellationToken);
        return RedirectToAction(nameof(Preview), new { id });
    }

    /// <summary>R-IMP-7: the dry run. It also records the users' versions the administrator saw (R-IMP-8).</summary>
    [HttpGet("{id:guid}/preview")]
    public async Task<IActionResult> Preview(Guid id, PreviewSection view = PreviewSection.Changes, int page = 1, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(id, cancellationToken) is not { } found)
        {
            return UploadGone();
        }

        if (found.Upload.MappingJson is null)
        {
            return RedirectToAction(nameof(Map), new { id });
        }

        var administrator = await current.GetAsync(cancellationToken);
        var plan = await previews.PlanAsync(found.Upload, found.Document, administrator, cancellationToken);
        var versions = PreviewVersions.Format(plan);
        if (found.Upload.PreviewVersions != versions)
        {
            found.Upload.PreviewVersions = versions;
            await uploads.SaveAsync(found.Upload, cancellationToken);
        }

        return View(new PreviewModel(found.Upload, plan, view, page));
    }

    [HttpGet("{id:guid}/invalid-rows")]
    public async Task<IActionResult> InvalidRows(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { Upload.MappingJson: not null } found)
        {
            return UploadGone();
        }

        var plan = await previews.PlanAsync(found.Upload, found.Document, await current.GetAsync(cancellationToken), cancellationToken);
        var report = InvalidRowsReport.Write(found.Document.Headers, plan) ?? "";
        var name = Path.GetFileNameWithoutExtension(found.Upload.FileName) + "-invalid-rows.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(report)).ToArray(), "text/csv; charset=utf-8", name);
    }

    /// <summary>R-IMP-8: one transaction; with invalid rows only when the administrator chose to import the valid rows alone.</summary>
    [HttpPost("{id:guid}/apply")]
    public async Task<IActionResult> Apply(Guid id, bool importValidRowsOnly, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } found)
        {
            return UploadGone();
        }

        var outcome = await applier.ApplyAsync(found.Upload, await current.GetAsync(cancellationToken), importValidRowsOnly, cancellationToken);
        previews.Forget(found.Upload);
        if (outcome.Import is not { } import)
        {
            TempData["Error"] = outcome.Refusal;
            return RedirectToAction(nameof(Preview), new { id });
        }

        return Redirect($"/people/imports/{import.Id}");
    }

    private async Task<(ImportUpload Upload, CsvDocument Document)?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var administrator = await current.GetAsync(cancellationToken);
        return await uploads.FindAsync(id, administrator.UserId, cancellationToken) is { } upload
            ? (upload, CsvDocument.Reopen(upload.Content))
            : null;
    }

    private ViewResult UploadGone()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("UploadGone");
    }
}
