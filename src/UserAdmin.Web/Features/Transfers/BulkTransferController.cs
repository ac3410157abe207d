using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Transfers.Bulk;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Uploads;
using UserAdmin.Web.Hosting;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.Transfers;

/// <summary>DESIGN 6.2: download, upload and check, paged preview, confirm, run one bulk at a time, retry the failed pairs.</summary>
[Route("transfers/bulk")]
[Authorize(Policy = Policies.TransferUserData)]
public sealed class BulkTransferController(
    CurrentAdministrator current,
    BulkTransferExport export,
    BulkTransferPlanner planner,
    BulkPlanStore plans,
    TransferRunStarter starter,
    UploadStore uploads,
    TransferRunQueries runs,
    UserAdminDbContext db,
    IOptions<UploadLimits> settings) : Controller
{
    public static readonly int[] PageSizes = [10, 25, 50, 100];

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new BulkIndexModel(await ActiveBulkAsync(cancellationToken), []));

    /// <summary>R-BLK-1.</summary>
    [HttpGet("download")]
    public async Task<IActionResult> Download(CancellationToken cancellationToken)
    {
        var administrator = await current.GetAsync(cancellationToken);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{BulkTransferExport.FileName}\"";
        await export.WriteAsync(Response.Body, administrator, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>R-BLK-2, R-BLK-3: the same file checks as the people import (encoding, delimiter, headers, size).</summary>
    [HttpPost("")]
    [UploadLimit]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken cancellationToken)
    {
        var uploaded = await UploadedCsv.ReadAsync(file, settings.Value, cancellationToken);
        if (uploaded.Document is not { } document)
        {
            return View(nameof(Index), new BulkIndexModel(await ActiveBulkAsync(cancellationToken), uploaded.Problems));
        }

        var upload = await uploads.AddAsync(UploadPurpose.BulkTransfer, file!.FileName, document, (await current.GetAsync(cancellationToken)).UserId, cancellationToken);
        return Redirect($"/transfers/bulk/{upload.Id}/preview");
    }

    /// <summary>R-BLK-4: every pair, errors first, paged with 10/25/50/100 rows per page, read from the stored plan.</summary>
    [HttpGet("{id:guid}/preview")]
    public async Task<IActionResult> Preview(Guid id, int page = 1, int pageSize = 25, int? retryOf = null, CancellationToken cancellationToken = default)
    {
        if (await PlanAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        pageSize = PageSizes.Contains(pageSize) ? pageSize : 25;
        return View(new BulkPreviewModel(found.Upload, found.Plan, page, pageSize, retryOf, await ActiveBulkAsync(cancellationToken)));
    }

    /// <summary>R-TRF-6: the administrator's explicit choice to include the pairs whose source was already transferred.</summary>
    [HttpPost("{id:guid}/include-transferred")]
    public async Task<IActionResult> IncludeTransferred(Guid id, bool include, int? retryOf, CancellationToken cancellationToken)
    {
        if (await PlanAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        await plans.IncludeTransferredAsync(id, include, cancellationToken);
        return Redirect($"/transfers/bulk/{id}/preview{RetryQuery(retryOf)}");
    }

    /// <summary>R-TRF-4, R-TRF-5: the confirmation of a bulk says it is permanent, gives the totals and carries a one-time key.</summary>
    [HttpGet("{id:guid}/confirm")]
    public async Task<IActionResult> Confirm(Guid id, int? retryOf, CancellationToken cancellationToken)
    {
        if (await PlanAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        return found.Plan.CanRun
            ? View("BulkConfirm", new BulkPreviewModel(found.Upload, found.Plan, 1, 25, retryOf, await ActiveBulkAsync(cancellationToken)) { ConfirmationKey = Guid.NewGuid() })
            : Redirect($"/transfers/bulk/{id}/preview{RetryQuery(retryOf)}");
    }

    /// <summary>
    /// R-TRF-5, R-BLK-5, R-BLK-6: a second submit of the confirmation shows the run the first one started; otherwise the
    /// stored plan, with what may have changed since the preview checked again, takes the active-bulk slot and its job is queued.
    /// </summary>
    [HttpPost("{id:guid}/run")]
    public async Task<IActionResult> Run(Guid id, int? retryOf, Guid confirmationKey, CancellationToken cancellationToken)
    {
        if (await starter.StartedWithAsync(confirmationKey, cancellationToken) is { } started)
        {
            return Redirect($"/transfers/bulk/{started.RunId}");
        }

        if (await PlanAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        if (!found.Plan.CanRun)
        {
            TempData["Error"] = "The file has errors; fix them before running the transfer.";
            return Redirect($"/transfers/bulk/{id}/preview{RetryQuery(retryOf)}");
        }

        var outcome = await starter.StartBulkAsync(await current.GetAsync(cancellationToken), found.Plan.PairsToStart(), retryOf, confirmationKey, cancellationToken);
        if (outcome.RunId is not { } runId)
        {
            // R-TRF-6: sources transferred by someone else after this plan was made.
            TempData["Error"] = outcome.Refusals.Any(r => r.Kind == TransferRefusalKind.AlreadyTransferred)
                ? "Since the preview, some of these sources' data was transferred: " + outcome.Message + " Upload the file again to see the pairs as they are now."
                : outcome.Message;
            return Redirect($"/transfers/bulk/{id}/preview{RetryQuery(retryOf)}");
        }

        return Redirect($"/transfers/bulk/{runId}");
    }

    /// <summary>R-BLK-7, R-TRF-9: a new bulk file of only the failed pairs of a run, in the upload's own format, to preview and run again.</summary>
    [HttpGet("retry/{runId:int}")]
    public async Task<IActionResult> Retry(int runId, CancellationToken cancellationToken)
    {
        var administrator = await current.GetAsync(cancellationToken);
        if (await runs.FindAsync(administrator, runId, cancellationToken) is null)
        {
            return NotFound();
        }

        using var content = new MemoryStream();
        if (await export.WriteFailedPairsAsync(content, administrator, runId, cancellationToken) == 0)
        {
            return Redirect($"/transfers/bulk/{runId}");
        }

        var upload = await uploads.AddAsync(UploadPurpose.BulkTransfer, BulkTransferExport.FailedPairsFileName(runId), CsvDocument.Generated(content.ToArray()), administrator.UserId, cancellationToken);
        return Redirect($"/transfers/bulk/{upload.Id}/preview{RetryQuery(runId)}");
    }

    private static string RetryQuery(int? retryOf) => retryOf is { } run ? $"?retryOf={run}" : "";

    private async Task<(Upload Upload, BulkPlan Plan)?> PlanAsync(Guid id, CancellationToken cancellationToken)
    {
        var administrator = await current.GetAsync(cancellationToken);
        if (await uploads.FindAsync(UploadPurpose.BulkTransfer, id, administrator.UserId, cancellationToken) is not { } upload)
        {
            return null;
        }

        var plan = await plans.GetOrPlanAsync(upload.Id, async () => await planner.PlanAsync(await uploads.DocumentAsync(upload, cancellationToken), administrator, cancellationToken), cancellationToken);
        return (upload, plan);
    }

    private Task<TransferRun?> ActiveBulkAsync(CancellationToken cancellationToken) =>
        db.TransferRuns.AsNoTracking().SingleOrDefaultAsync(r => r.ActiveBulkSlot != null, cancellationToken);
}

public sealed record BulkIndexModel(TransferRun? ActiveBulk, IReadOnlyList<CsvProblem> Problems);

public sealed record BulkPreviewModel(Upload Upload, BulkPlan Plan, int RequestedPage, int PageSize, int? RetryOf, TransferRun? ActiveBulk)
{
    /// <summary>R-TRF-5: the one-time key the confirmation page carries.</summary>
    public Guid ConfirmationKey { get; init; }

    public int PageCount => Math.Max(1, (Plan.Pairs.Count + PageSize - 1) / PageSize);

    public int Page => Math.Clamp(RequestedPage, 1, PageCount);

    public IEnumerable<BulkPairRow> Rows => Plan.ErrorsFirst.Skip((Page - 1) * PageSize).Take(PageSize);
}
