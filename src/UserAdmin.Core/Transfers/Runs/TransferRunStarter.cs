using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Transfers.Runs;

/// <summary>A pair to start, with the names the administrator saw, kept for history.</summary>
public sealed record PairToStart(int SourceUserId, string SourceLabel, int TargetUserId, string TargetLabel);

/// <summary>The started run, or why nothing was started.</summary>
public sealed record StartOutcome(int? RunId, IReadOnlyList<string> Refusals)
{
    /// <summary>R-BLK-5: refused only because another bulk is queued or running (the API answers 409 Conflict).</summary>
    public bool AnotherBulkIsActive { get; init; }

    public static StartOutcome Refused(params string[] reasons) => new(null, reasons);

    public static StartOutcome AnotherBulk() => new(null, [TransferRunStarter.OneBulkAtATime]) { AnotherBulkIsActive = true };
}

/// <summary>Records a run with its pairs and queues its job (DESIGN 6.1, R-BLK-5, R-BLK-6).</summary>
public sealed class TransferRunStarter(UserAdminDbContext db, TransferRules rules, ITransferJobs jobs, TenantClock clock)
{
    /// <summary>The seed: "You can only perform one bulk user data transfer at a time."</summary>
    public const string OneBulkAtATime = "You can only perform one bulk user data transfer at a time. Another bulk transfer is queued or running; wait until it finishes, then start this one.";

    public const int MaxBulkPairs = 2000;

    public async Task<StartOutcome> StartSingleAsync(AdministratorProfile administrator, int sourceUserId, int targetUserId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        var reasons = await rules.CheckAsync(administrator, sourceUserId, targetUserId, cancellationToken).ConfigureAwait(false);
        if (reasons.Count > 0)
        {
            return StartOutcome.Refused([.. reasons]);
        }

        var labels = await db.Users.AsNoTracking()
            .Where(u => u.Id == sourceUserId || u.Id == targetUserId)
            .ToDictionaryAsync(u => u.Id, u => $"{u.FirstName} {u.LastName} ({u.Id})", cancellationToken).ConfigureAwait(false);
        var run = NewRun(TransferKind.OnePair, administrator, [new PairToStart(sourceUserId, labels[sourceUserId], targetUserId, labels[targetUserId])]);
        db.TransferRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        jobs.Enqueue(run.Id);
        return new StartOutcome(run.Id, []);
    }

    /// <summary>
    /// R-BLK-5: the run takes the active-bulk slot; the database's unique index refuses a second one
    /// even when two requests arrive at the same moment on two app instances.
    /// </summary>
    public async Task<StartOutcome> StartBulkAsync(AdministratorProfile administrator, IReadOnlyList<PairToStart> pairs, int? retryOfRunId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        ArgumentNullException.ThrowIfNull(pairs);
        if (!administrator.Has(Permissions.TransferUserData))
        {
            return StartOutcome.Refused(TransferRules.MissingPermission);
        }

        if (pairs.Count is 0 or > MaxBulkPairs)
        {
            return StartOutcome.Refused(pairs.Count == 0
                ? "The bulk has no pairs to transfer."
                : $"A bulk transfer takes at most {MaxBulkPairs:N0} pairs; this one has {pairs.Count:N0}.");
        }

        // A bulk started by someone else while this request waited for the database also counts: on SQLite a
        // waiting writer can be starved until the other bulk has finished, and must not then start unasked.
        if (await db.TransferRuns.AnyAsync(r => r.ActiveBulkSlot != null, cancellationToken).ConfigureAwait(false))
        {
            return StartOutcome.AnotherBulk();
        }

        var lastBulkSeen = await db.TransferRuns.Where(r => r.Kind == TransferKind.Bulk).MaxAsync(r => (int?)r.Id, cancellationToken).ConfigureAwait(false) ?? 0;
        var run = NewRun(TransferKind.Bulk, administrator, pairs);
        run.ActiveBulkSlot = TransferRun.TheActiveBulk;
        run.RetryOfRunId = retryOfRunId;
        var strategy = db.Database.CreateExecutionStrategy();
        var started = await strategy.ExecuteAsync(() => InsertUnlessAnotherBulkAsync(run, lastBulkSeen, cancellationToken)).ConfigureAwait(false);
        if (!started)
        {
            return StartOutcome.AnotherBulk();
        }

        jobs.Enqueue(run.Id);
        return new StartOutcome(run.Id, []);
    }

    /// <summary>
    /// Checks and inserts inside one transaction (on SQLite an immediate one, holding the write lock);
    /// the unique index on the active-bulk slot stays the guard where the check alone could race.
    /// </summary>
    private async Task<bool> InsertUnlessAnotherBulkAsync(TransferRun run, int lastBulkSeen, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            if (await db.TransferRuns.AnyAsync(r => r.ActiveBulkSlot != null || (r.Kind == TransferKind.Bulk && r.Id > lastBulkSeen), cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            db.TransferRuns.Add(run);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (await db.TransferRuns.AsNoTracking().AnyAsync(r => r.ActiveBulkSlot != null, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                throw;
            }
        }
    }

    private TransferRun NewRun(TransferKind kind, AdministratorProfile administrator, IReadOnlyList<PairToStart> pairs) => new()
    {
        Kind = kind,
        State = TransferRunState.Queued,
        RequestedByUserId = administrator.UserId,
        RequestedByName = administrator.DisplayName,
        RequestedAt = clock.Now,
        TotalPairs = pairs.Count,
        Pairs = pairs.Select((p, i) => new TransferRunPair
        {
            Position = i + 1,
            SourceUserId = p.SourceUserId,
            SourceLabel = p.SourceLabel,
            TargetUserId = p.TargetUserId,
            TargetLabel = p.TargetLabel,
            State = TransferPairState.Pending,
        }).ToList(),
    };
}
