using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using UserAdmin.Core.Csv;
using UserAdmin.Core.People;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.People.Mappings;
using UserAdmin.Core.Uploads;
using UserAdmin.Web.Hosting;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.People;

/// <summary>The import wizard (DESIGN 4): upload → map → preview → import → result.</summary>
[Route("people/import")]
[Authorize(Policy = Policies.AssignUserRoles)]
public sealed class ImportController(
    CurrentAdministrator current,
    ImportDrafts drafts,
    UploadStore uploads,
    ImportPreviews previews,
    ImportPlanner planner,
    ImportSubmission submission,
    ImportJobs jobs,
    MappingSchemas schemas,
    IOptions<UploadLimits> settings) : Controller
{
    private UploadLimits Limits => settings.Value;

    [HttpGet("")]
    public IActionResult Upload() => View(new UploadModel(Limits, []));

    /// <summary>R-IMP-1: every file problem is answered on the page; nothing is stored until the file passes.</summary>
    [HttpPost("")]
    [UploadLimit]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken cancellationToken)
    {
        var uploaded = await UploadedCsv.ReadAsync(file, Limits, cancellationToken);
        if (uploaded.Document is not { } document)
        {
            return View(new UploadModel(Limits, uploaded.Problems));
        }

        var administrator = await current.GetAsync(cancellationToken);
        var draft = await drafts.AddAsync(file!.FileName, document, administrator.UserId, cancellationToken);
        return RedirectToAction(nameof(Map), new { id = draft.UploadId });
    }

    /// <summary>
    /// R-IMP-2, R-MAP-2: auto-matched columns, or a saved mapping applied to this file's headers. The headers and
    /// samples are the upload's; the file is read only to detect the mapped date columns' formats (R-IMP-12).
    /// </summary>
    [HttpGet("{id:guid}/map")]
    public async Task<IActionResult> Map(Guid id, int? mapping, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } found)
        {
            return UploadGone();
        }

        if (mapping is { } savedId)
        {
            var applied = await schemas.ApplyAsync(savedId, found.Headers, cancellationToken);
            if (applied is null)
            {
                return await MapViewAsync(found, CurrentMapping(found), [CsvProblem.OfFile("The chosen saved mapping no longer exists: it was deleted meanwhile. Choose another one or map the columns here.")], cancellationToken);
            }

            return await MapViewAsync(found, applied.Mapping, [], cancellationToken, applied.MissingColumns, model => model with
            {
                AppliedMappingName = applied.Saved.Name,
                MappingName = applied.Saved.Name,
            });
        }

        return await MapViewAsync(found, CurrentMapping(found), [], cancellationToken);
    }

    /// <summary>
    /// R-IMP-2: the form names each field's column ("" = not in file) and each date field's format.
    /// With <paramref name="action"/> "save" or "replace" it saves the mapping under <paramref name="mappingName"/> (R-MAP-1).
    /// </summary>
    [HttpPost("{id:guid}/map")]
    public async Task<IActionResult> Map(Guid id, IFormCollection form, string? action, string? mappingName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await FindAsync(id, cancellationToken) is not { } found)
        {
            return UploadGone();
        }

        var mapping = MapModel.ReadForm(form, out var refused);
        if (refused.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await MapViewAsync(found, CurrentMapping(found), refused, cancellationToken);
        }

        if (action is "save" or "replace")
        {
            return await SaveMappingAsync(found, mapping, mappingName, replace: action == "replace", cancellationToken);
        }

        var problems = MappingCheck.Problems(found.Headers, mapping);
        if (problems.Count > 0 || action == "test")
        {
            return await MapViewAsync(found, mapping, problems, cancellationToken);
        }

        found.Draft.ChooseMapping(mapping);
        await drafts.SaveAsync(cancellationToken);
        return RedirectToAction(nameof(Preview), new { id });
    }

    private async Task<IActionResult> SaveMappingAsync(FoundUpload found, ImportMapping mapping, string? name, bool replace, CancellationToken cancellationToken)
    {
        if (MappingSchemas.Problem(name, mapping) is { } problem)
        {
            return await MapViewAsync(found, mapping, [CsvProblem.OfFile(problem)], cancellationToken, configure: m => m with { MappingName = name });
        }

        var result = await schemas.SaveAsync(name!, mapping, await current.GetAsync(cancellationToken), replace, cancellationToken);
        return await MapViewAsync(found, mapping, [], cancellationToken, configure: m => m with
        {
            MappingName = name!.Trim(),
            AskToReplace = result == SaveMappingResult.NameTaken,
            Notice = result switch
            {
                SaveMappingResult.Saved => $"The mapping \"{name.Trim()}\" was saved.",
                SaveMappingResult.Replaced => $"The mapping \"{name.Trim()}\" was replaced.",
                _ => null,
            },
        });
    }

    private static ImportMapping CurrentMapping(FoundUpload found) =>
        found.Draft.MappingJson is { } json ? ImportMapping.FromJson(json) : ImportMapping.AutoMatch(found.Headers);

    private async Task<ViewResult> MapViewAsync(
        FoundUpload found,
        ImportMapping mapping,
        IReadOnlyList<CsvProblem> problems,
        CancellationToken cancellationToken,
        IReadOnlySet<PersonField>? flagged = null,
        Func<MapModel, MapModel>? configure = null)
    {
        var saved = await schemas.ListAsync(cancellationToken);
        var fitting = MappingSchemas.FittingAll(saved, found.Headers).Select(m => m.Id).ToHashSet();
        var model = MapModel.For(found.Draft.Upload, mapping, problems, flagged) with
        {
            DateDetections = await DetectDatesAsync(found, mapping, cancellationToken),
            SavedMappings = saved
                .Select(m => new SavedMappingChoice(m.Id, m.Name, fitting.Contains(m.Id)))
                .OrderByDescending(m => m.FitsThisFile)
                .ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
                .ToList(),
        };
        return View("Map", configure?.Invoke(model) ?? model);
    }

    /// <summary>
    /// R-IMP-7, R-IMP-11: the dry run, stored with the upload the first time and paged from the database;
    /// it also records the users' versions the administrator saw (R-IMP-8).
    /// </summary>
    [HttpGet("{id:guid}/preview")]
    public async Task<IActionResult> Preview(Guid id, PreviewSection view = PreviewSection.Changes, int page = 1, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(id, cancellationToken) is not { } found)
        {
            return UploadGone();
        }

        if (found.Draft.MappingJson is null)
        {
            return RedirectToAction(nameof(Map), new { id });
        }

        var summary = await previews.SummaryAsync(found.Draft, await current.GetAsync(cancellationToken), cancellationToken: cancellationToken);
        var section = view == PreviewSection.Errors ? PreviewSection.Errors : PreviewSection.Changes;
        var pageNumber = PreviewModel.Clamp(page, summary.CountOf(section));
        var (items, _) = await previews.PageAsync(id, section, (pageNumber - 1) * PreviewModel.PageSize, PreviewModel.PageSize, cancellationToken);
        var (activations, _) = await previews.PageAsync(id, PreviewSection.Activations, 0, PreviewModel.ActivationsShown, cancellationToken);
        return View(new PreviewModel(found.Draft, summary, section, pageNumber, items, activations));
    }

    [HttpGet("{id:guid}/invalid-rows")]
    public async Task<IActionResult> InvalidRows(Guid id, CancellationToken cancellationToken)
    {
        if (await FindWithFileAsync(id, cancellationToken) is not { Draft.MappingJson: not null } found)
        {
            return UploadGone();
        }

        // The report holds each invalid row as uploaded, which the stored preview does not keep: plan once more.
        var plan = await planner.PlanAsync(found.Document, ImportMapping.FromJson(found.Draft.MappingJson), await current.GetAsync(cancellationToken), cancellationToken);
        var report = InvalidRowsReport.Write(found.Document.Headers, plan) ?? "";
        var name = Path.GetFileNameWithoutExtension(found.Draft.Upload.FileName) + "-invalid-rows.csv";
        return File(CsvDownload.Bytes(report), "text/csv; charset=utf-8", name);
    }

    /// <summary>
    /// R-IMP-8, R-IMP-10: queues the import as a background job and shows its result page, which follows
    /// its progress; one transaction, with invalid rows only when the administrator chose to import the valid rows alone.
    /// R-IMP-13: cells flagged as spreadsheet damage are written only as <paramref name="damagedCells"/> says.
    /// </summary>
    [HttpPost("{id:guid}/apply")]
    public async Task<IActionResult> Apply(Guid id, bool importValidRowsOnly, DamagedCellsChoice damagedCells, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } found)
        {
            return UploadGone();
        }

        var outcome = await submission.SubmitAsync(found.Draft, await current.GetAsync(cancellationToken), importValidRowsOnly, damagedCells, cancellationToken);
        if (outcome.Import is not { } import)
        {
            TempData["Error"] = outcome.Refusal;
            return RedirectToAction(nameof(Preview), new { id });
        }

        jobs.Enqueue(import.Id);
        return Redirect($"/people/imports/{import.Id}");
    }

    /// <summary>R-IMP-12: what each mapped date column's format reads; the only part of the map step that parses the file.</summary>
    private async Task<IReadOnlyDictionary<PersonField, DateColumnDetection>> DetectDatesAsync(FoundUpload found, ImportMapping mapping, CancellationToken cancellationToken)
    {
        if (!mapping.Columns.Keys.Any(f => PersonFields.Of(f).IsDate))
        {
            return new Dictionary<PersonField, DateColumnDetection>();
        }

        var document = await uploads.DocumentAsync(found.Draft.Upload, cancellationToken);
        return MappingCheck.DetectDates(document, mapping).ToDictionary(d => d.Field.Field, d => d.Detection);
    }

    private async Task<FoundUpload?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var administrator = await current.GetAsync(cancellationToken);
        return await drafts.FindAsync(id, administrator.UserId, cancellationToken) is { } draft
            ? new FoundUpload(draft, null)
            : null;
    }

    /// <summary>The upload with its file, for a step that parses it (the invalid rows).</summary>
    private async Task<FoundUpload?> FindWithFileAsync(Guid id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is { } found
            ? new FoundUpload(found.Draft, await uploads.DocumentAsync(found.Draft.Upload, cancellationToken))
            : null;

    private ViewResult UploadGone()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("UploadGone");
    }
}

/// <summary>An upload of the signed-in administrator with its import draft, with its file only for a step that parses it, not on every request.</summary>
public sealed class FoundUpload(ImportDraft draft, CsvDocument? document)
{
    public ImportDraft Draft { get; } = draft;

    /// <summary>The file's headers as its upload kept them: no need to read the file for them.</summary>
    public IReadOnlyList<string> Headers { get; } = draft.Upload.Headers();

    public CsvDocument Document => document ?? throw new InvalidOperationException($"Upload {Draft.UploadId} was found without its file; find it with its file for this step.");
}
