using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Transfers.Runs;

/// <summary>A run's progress, as the status endpoint reports it.</summary>
public sealed record TransferRunStatus(int Id, TransferKind Kind, TransferRunState State, int Total, int Done, int Failed, NodaTime.Instant RequestedAt, NodaTime.Instant? StartedAt, NodaTime.Instant? FinishedAt);

/// <summary>Rows moved and deleted for one data type over a whole run (R-BLK-8).</summary>
public sealed record RunTypeTotals(TransferableDataType Type, int RowsMoved, int TargetRowsDeleted);

/// <summary>
/// Reading runs for the pages: tenant administrators and administrators with full scope see every
/// run; others see the runs they started, so that history never names a user outside their view.
/// </summary>
public sealed class TransferRunQueries(UserAdminDbContext db)
{
    public IQueryable<TransferRun> Visible(AdministratorProfile administrator)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        return administrator.SeesEveryone
            ? db.TransferRuns.AsNoTracking()
            : db.TransferRuns.AsNoTracking().Where(r => r.RequestedByUserId == administrator.UserId);
    }

    public Task<TransferRunStatus?> StatusAsync(AdministratorProfile administrator, int runId, CancellationToken cancellationToken = default) =>
        Visible(administrator).Where(r => r.Id == runId)
            .Select(r => new TransferRunStatus(r.Id, r.Kind, r.State, r.TotalPairs, r.DonePairs, r.FailedPairs, r.RequestedAt, r.StartedAt, r.FinishedAt))
            .SingleOrDefaultAsync(cancellationToken);

    public Task<TransferRun?> FindAsync(AdministratorProfile administrator, int runId, CancellationToken cancellationToken = default) =>
        Visible(administrator).SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);

    public async Task<IReadOnlyList<RunTypeTotals>> TotalsAsync(int runId, CancellationToken cancellationToken = default)
    {
        var totals = await db.TransferRunCounts.AsNoTracking()
            .Join(db.TransferRunPairs.Where(p => p.RunId == runId), c => c.PairId, p => p.Id, (c, _) => c)
            .GroupBy(c => c.DataTypeKey)
            .Select(g => new { Key = g.Key, Moved = g.Sum(c => c.RowsMoved), Deleted = g.Sum(c => c.TargetRowsDeleted) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return TransferCatalogue.All
            .Select(type => totals.FirstOrDefault(t => t.Key == type.Key) is { } t ? new RunTypeTotals(type, t.Moved, t.Deleted) : new RunTypeTotals(type, 0, 0))
            .ToList();
    }

    public Task<List<TransferRunPair>> PairsAsync(int runId, int skip, int take, bool failedFirst, CancellationToken cancellationToken = default)
    {
        var pairs = db.TransferRunPairs.AsNoTracking().Where(p => p.RunId == runId);
        var ordered = failedFirst
            ? pairs.OrderBy(p => p.State == TransferPairState.Failed ? 0 : 1).ThenBy(p => p.Position)
            : pairs.OrderBy(p => p.Position);
        return ordered.Skip(skip).Take(take).ToListAsync(cancellationToken);
    }
}
