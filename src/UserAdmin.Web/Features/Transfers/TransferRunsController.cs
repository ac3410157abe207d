using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.Transfers;

/// <summary>Transfer history (R-BLK-8) and each run's page and JSON status, for single and bulk transfers alike.</summary>
[Route("transfers")]
[Authorize(Policy = Policies.TransferUserData)]
public sealed class TransferRunsController(CurrentAdministrator current, TransferRunQueries runs, TransferAuditLog auditLog, TenantClock clock) : Controller
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

    /// <summary>R-BLK-7: pair, data type, rows, error and time of every pair of the run.</summary>
    [HttpGet("{id:int}/audit-log")]
    public async Task<IActionResult> AuditLog(int id, CancellationToken cancellationToken)
    {
        if (await runs.StatusAsync(await current.GetAsync(cancellationToken), id, cancellationToken) is null)
        {
            return NotFound();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"transfer-{id}-audit-log.csv\"";
        await auditLog.WriteAsync(Response.Body, id, cancellationToken);
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
            state = status.State.ToString(),
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
