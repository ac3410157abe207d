using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Transfers.Runs;

/// <summary>
/// Runs a transfer's pending pairs in order (R-BLK-6). Each pair is claimed, transferred and marked
/// done in ONE transaction, so a crash leaves it pending (and untouched) and a second runner — a
/// restart, or Hangfire running the job twice — finds it already done: no pair is ever applied twice.
/// R-TRF-8: the rules are checked again for each pair inside its own transaction, right before its
/// writes, since users change after the preview (a page of pairs is also checked at once first, as a
/// cheap filter). R-TRF-5: the transaction that ends a pair also releases its users.
/// </summary>
public sealed class TransferRunner(UserAdminDbContext db, TransferEngine engine, TransferRules rules, AdministratorProfiles profiles, TenantClock clock, ILogger<TransferRunner> logger)
{
    private const string AdministratorGone = "The administrator who started this transfer can no longer sign in, so it was not run.";

    private const int PairsPerRead = 50;

    /// <summary>Test hook: called inside each pair's transaction after its data moved.</summary>
    internal Func<TransferRunPair, CancellationToken, Task>? AfterPairTransferred { get; set; }

    public async Task RunAsync(int runId, CancellationToken cancellationToken = default)
    {
        var run = await db.TransferRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false);
        if (run is null || run.IsFinished)
        {
            return;
        }

        var now = clock.Now;
        await db.TransferRuns.Where(r => r.Id == runId && r.State == TransferRunState.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, TransferRunState.Running).SetProperty(r => r.StartedAt, now), cancellationToken)
            .ConfigureAwait(false);

        // Permissions and view as they are now, not as they were when the run was queued.
        var administrator = await profiles.LoadAsync(run.RequestedByUserId, cancellationToken).ConfigureAwait(false);
        var afterPosition = int.MinValue;
        while (true)
        {
            var pending = await db.TransferRunPairs.AsNoTracking()
                .Where(p => p.RunId == runId && p.State == TransferPairState.Pending && p.Position > afterPosition)
                .OrderBy(p => p.Position)
                .Take(PairsPerRead)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (pending.Count == 0)
            {
                break;
            }

            // The cheap first filter: one query for the whole page; each pair is checked again in its transaction.
            var refusals = administrator is null
                ? pending.ConvertAll(_ => (IReadOnlyList<TransferRefusal>)[new TransferRefusal(TransferRefusalKind.AdministratorGone, AdministratorGone)])
                : await rules.CheckAsync(administrator, pending.ConvertAll(p => new TransferPair(p.SourceUserId, p.TargetUserId)), cancellationToken).ConfigureAwait(false);
            foreach (var (pair, reasons) in pending.Zip(refusals))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await RunPairAsync(administrator!, pair, reasons, cancellationToken).ConfigureAwait(false);
            }

            afterPosition = pending[^1].Position;
        }

        await FinishAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunPairAsync(AdministratorProfile administrator, TransferRunPair pair, IReadOnlyList<TransferRefusal> reasons, CancellationToken cancellationToken)
    {
        if (reasons.Count > 0)
        {
            await FailAsync(pair, Words(reasons), cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            // SQL Server retries transient failures: the check, the claim and the transfer form one retriable unit.
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(() => CheckClaimAndTransferAsync(administrator, pair, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // R-TRF-10: the detail goes to the log with the run and pair ids; the pair's message is in the product's words.
            logger.LogError(failure, "Transfer run {RunId}: pair {PairId} (source user {SourceUserId}, target user {TargetUserId}) failed and was rolled back",
                pair.RunId, pair.Id, pair.SourceUserId, pair.TargetUserId);
            db.ChangeTracker.Clear();
            var cause = failure is DbUpdateException or DbException
                ? "the database refused one of its changes"
                : "an unexpected error stopped it";
            await FailAsync(pair, $"The transfer of this pair failed because {cause}, and nothing of it was changed. The technical detail is in the application log (transfer {pair.RunId}, pair {pair.Id}).", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CheckClaimAndTransferAsync(AdministratorProfile administrator, TransferRunPair pair, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // R-TRF-8: the rules as they are inside this pair's transaction, immediately before its writes.
            var reasons = await rules.CheckAsync(administrator, pair.SourceUserId, pair.TargetUserId, cancellationToken).ConfigureAwait(false);
            if (reasons.Count > 0)
            {
                await MarkFailedAsync(pair, Words(reasons), cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            var now = clock.Now;
            var claimed = await db.TransferRunPairs
                .Where(p => p.Id == pair.Id && p.State == TransferPairState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, TransferPairState.Done).SetProperty(p => p.CompletedAt, now), cancellationToken)
                .ConfigureAwait(false);
            if (claimed == 0)
            {
                return; // another runner did this pair
            }

            var result = await engine.TransferAsync(pair.SourceUserId, pair.TargetUserId, cancellationToken).ConfigureAwait(false);
            if (AfterPairTransferred is not null)
            {
                await AfterPairTransferred(pair, cancellationToken).ConfigureAwait(false);
            }

            await db.TransferRunPairs.Where(p => p.Id == pair.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.RowsMoved, result.RowsMoved).SetProperty(p => p.TargetRowsDeleted, result.TargetRowsDeleted), cancellationToken)
                .ConfigureAwait(false);
            await FastWrites.InsertAsync(db, result.Counts
                .Where(c => c.RowsMoved > 0 || c.TargetRowsDeleted > 0)
                .Select(c => new TransferRunCount { PairId = pair.Id, DataTypeKey = c.Type.Key, RowsMoved = c.RowsMoved, TargetRowsDeleted = c.TargetRowsDeleted }), cancellationToken).ConfigureAwait(false);
            await ReleaseUsersAsync(pair, cancellationToken).ConfigureAwait(false);
            await db.TransferRuns.Where(r => r.Id == pair.RunId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.DonePairs, r => r.DonePairs + 1), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }
    }

    private static string Words(IReadOnlyList<TransferRefusal> reasons) => string.Join(" ", reasons.Select(r => r.Message));

    /// <summary>R-TRF-5: the pair has ended, its users may take part in another transfer.</summary>
    private Task<int> ReleaseUsersAsync(TransferRunPair pair, CancellationToken cancellationToken) =>
        db.TransferParticipants.Where(p => p.PairId == pair.Id).ExecuteDeleteAsync(cancellationToken);

    private async Task FailAsync(TransferRunPair pair, string reason, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await MarkFailedAsync(pair, reason, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Inside the caller's transaction: the pair failed (unless another runner ended it first) and its users are released.</summary>
    private async Task MarkFailedAsync(TransferRunPair pair, string reason, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var error = reason.Length > 2000 ? reason[..2000] : reason;
        var marked = await db.TransferRunPairs
            .Where(p => p.Id == pair.Id && p.State == TransferPairState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, TransferPairState.Failed).SetProperty(p => p.Error, error).SetProperty(p => p.CompletedAt, now), cancellationToken)
            .ConfigureAwait(false);
        if (marked > 0)
        {
            await ReleaseUsersAsync(pair, cancellationToken).ConfigureAwait(false);
            await db.TransferRuns.Where(r => r.Id == pair.RunId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.FailedPairs, r => r.FailedPairs + 1), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FinishAsync(int runId, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var failed = await db.TransferRunPairs.CountAsync(p => p.RunId == runId && p.State == TransferPairState.Failed, cancellationToken).ConfigureAwait(false);
        var state = failed > 0 ? TransferRunState.CompletedWithErrors : TransferRunState.Succeeded;
        await db.TransferRuns
            .Where(r => r.Id == runId && (r.State == TransferRunState.Running || r.State == TransferRunState.Queued))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, state).SetProperty(r => r.FinishedAt, now).SetProperty(r => r.ActiveBulkSlot, (int?)null), cancellationToken)
            .ConfigureAwait(false);
        // Every pair has ended, so its users were released with it; this only clears what a bug could leave behind.
        await db.TransferParticipants.Where(x => db.TransferRunPairs.Any(p => p.Id == x.PairId && p.RunId == runId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
