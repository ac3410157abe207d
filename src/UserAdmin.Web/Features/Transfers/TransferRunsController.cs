using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Transfers.Bulk;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.Transfers;

/// <summary>Transfer history (R-BLK-8) and each run's page and JSON status, for single and bulk transfers alike.</summary>
[Route("transfers")]
[Authorize(Policy = Policies.TransferUserData)]
public sealed class TransferRunsController(CurrentAdministrator current, TransferRunQueries runs, TransferAuditLog auditLog, BulkTransferExport export, TenantClock clock) : Controller
{
    public const int PageSize = 25;

    [HttpGet("")]
    public async Task<IActionResult> History(int page = 1, CancellationToken cancellationToken = default)
    {
        var visible = runs.Visible(await current.GetAsync(cancellationToken));
        var total = await visible.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var list = await visible.OrderByDescending(r => r.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new HistoryRow(r, r.Pairs.OrderBy(p => p.Position).Select(p => p.SourceLabel + " → " + p.TargetLabel).FirstOrDefault(), r.Pairs.Sum(p => p.RowsMoved), r.Pairs.Sum(p => p.TargetRowsDeleted)))
            .ToListAsync(cancellationToken);
        return View(new HistoryModel(list, page, pageCount));
    }

    [HttpGet("{id:int}")]
    [HttpGet("bulk/{id:int}")]
    public async Task<IActionResult> Details(int id, int page = 1, CancellationToken cancellationToken = default)
    {
        var run = await runs.FindAsync(await current.GetAsync(cancellationToken), id, cancellationToken);
        if (run is null)
        {
            return NotFound();
        }

        var pageCount = Math.Max(1, (run.TotalPairs + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var pairs = await runs.PairsAsync(id, (page - 1) * PageSize, PageSize, failedFirst: true, cancellationToken);
        return View(new RunModel(run, pairs, await runs.TotalsAsync(id, cancellationToken), page, pageCount));
    }

    /// <summary>R-BLK-7, R-TRF-9: pair, source, target, data type, rows, error and time of every pair of the run.</summary>
    [HttpGet("{id:int}/audit-log")]
    public Task<IActionResult> AuditLog(int id, CancellationToken cancellationToken) =>
        AuditLogAsync(id, errorsOnly: false, $"transfer-{id}-audit-log.csv", cancellationToken);

    /// <summary>R-BLK-0, R-BLK-7: the seed's errors-only audit log of the run.</summary>
    [HttpGet("{id:int}/audit-log/errors")]
    public Task<IActionResult> ErrorsAuditLog(int id, CancellationToken cancellationToken) =>
        AuditLogAsync(id, errorsOnly: true, $"transfer-{id}-errors-audit-log.csv", cancellationToken);

    /// <summary>R-TRF-9: the failed pairs as a bulk transfer file in the upload's own format, to edit or upload again unchanged.</summary>
    [HttpGet("{id:int}/failed-pairs")]
    public async Task<IActionResult> FailedPairs(int id, CancellationToken cancellationToken)
    {
        var administrator = await current.GetAsync(cancellationToken);
        if (await runs.StatusAsync(administrator, id, cancellationToken) is null)
        {
            return NotFound();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{BulkTransferExport.FailedPairsFileName(id)}\"";
        await export.WriteFailedPairsAsync(Response.Body, administrator, id, cancellationToken);
        return new EmptyResult();
    }

    private async Task<IActionResult> AuditLogAsync(int id, bool errorsOnly, string fileName, CancellationToken cancellationToken)
    {
        if (await runs.StatusAsync(await current.GetAsync(cancellationToken), id, cancellationToken) is null)
        {
            return NotFound();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await auditLog.WriteAsync(Response.Body, id, errorsOnly, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>Polled by the run's page: <c>{ state, total, done, failed, startedAt, finishedAt }</c>.</summary>
    [HttpGet("{id:int}/status")]
    [HttpGet("bulk/{id:int}/status")]
    public async Task<IActionResult> Status(int id, CancellationToken cancellationToken)
    {
        var status = await runs.StatusAsync(await current.GetAsync(cancellationToken), id, cancellationToken);
        if (status is null)
        {
            return NotFound();
        }

        return Json(new
        {
            // "state" is for scripts (the enum's name, stable); "stateText" is what people read (R-TRF-10).
            state = status.State.ToString(),
            stateText = status.State.Words(),
            finished = status.State is TransferRunState.Succeeded or TransferRunState.CompletedWithErrors,
            total = status.Total,
            done = status.Done,
            failed = status.Failed,
            startedAt = status.StartedAt?.ToDateTimeOffset(),
            finishedAt = status.FinishedAt?.ToDateTimeOffset(),
            now = clock.Now.ToDateTimeOffset(),
        });
    }
}

public sealed record HistoryRow(TransferRun Run, string? FirstPair, int RowsMoved, int RowsDeleted);

public sealed record HistoryModel(IReadOnlyList<HistoryRow> Rows, int Page, int PageCount);

public sealed record RunModel(TransferRun Run, IReadOnlyList<TransferRunPair> Pairs, IReadOnlyList<RunTypeTotals> Totals, int Page, int PageCount);
