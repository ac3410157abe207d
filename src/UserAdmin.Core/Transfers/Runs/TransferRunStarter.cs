using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Transfers.Runs;

/// <summary>
/// A pair to start, with the names the administrator saw, kept for history. <paramref name="RerunAcknowledged"/>:
/// the administrator chose to transfer this source again although its data was already transferred (R-TRF-6).
/// </summary>
public sealed record PairToStart(int SourceUserId, string SourceLabel, int TargetUserId, string TargetLabel, bool RerunAcknowledged = false);

/// <summary>
/// The started run, or why nothing was started. <see cref="AlreadyStarted"/> says the confirmation had
/// been submitted before: <see cref="RunId"/> is the run that first submit started (R-TRF-5).
/// </summary>
public sealed record StartOutcome(int? RunId, IReadOnlyList<TransferRefusal> Refusals, bool AlreadyStarted = false)
{
    public string Message => string.Join(" ", Refusals.Select(r => r.Message));

    public static StartOutcome Refused(TransferRefusalKind kind, string message) => new(null, [new TransferRefusal(kind, message)]);
}

/// <summary>
/// Records a run with its pairs and queues its job (DESIGN 6.1, R-BLK-5, R-BLK-6). R-TRF-5: the run carries
/// its confirmation's one-time key and holds its users as participants; both are unique in the database,
/// so a double submit finds the first run and an overlapping transfer is refused, across instances (ADR-0007).
/// </summary>
public sealed class TransferRunStarter(UserAdminDbContext db, TransferRules rules, TransferHistory history, ITransferJobs jobs, TenantClock clock)
{
    /// <summary>The seed: "You can only perform one bulk user data transfer at a time."</summary>
    public const string OneBulkAtATime = "You can only perform one bulk user data transfer at a time. Another bulk transfer is queued or running; wait until it finishes, then start this one.";

    public const int MaxBulkPairs = 2000;

    public const string NotConfirmed = "This transfer was not confirmed: open its confirmation page and press Run Transfer there.";

    /// <param name="acknowledgedEarlierTransfer">R-TRF-6: the administrator ticked that the source's data was already transferred and runs it anyway.</param>
    public async Task<StartOutcome> StartSingleAsync(
        AdministratorProfile administrator, int sourceUserId, int targetUserId, Guid confirmationKey, bool acknowledgedEarlierTransfer, CancellationToken cancellationToken = default) =>
        await StartedMeanwhileOrAsync(
            confirmationKey,
            await StartSingleOnceAsync(administrator, sourceUserId, targetUserId, confirmationKey, acknowledgedEarlierTransfer, cancellationToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);

    private async Task<StartOutcome> StartSingleOnceAsync(
        AdministratorProfile administrator, int sourceUserId, int targetUserId, Guid confirmationKey, bool acknowledgedEarlierTransfer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        if (await StartedWithAsync(confirmationKey, cancellationToken).ConfigureAwait(false) is { } started)
        {
            return started;
        }

        var reasons = await rules.CheckAsync(administrator, sourceUserId, targetUserId, cancellationToken).ConfigureAwait(false);
        if (reasons.Count > 0)
        {
            return new StartOutcome(null, reasons);
        }

        if (confirmationKey == Guid.Empty)
        {
            return StartOutcome.Refused(TransferRefusalKind.CannotStart, NotConfirmed);
        }

        var labels = await db.Users.AsNoTracking()
            .Where(u => u.Id == sourceUserId || u.Id == targetUserId)
            .ToDictionaryAsync(u => u.Id, u => UserLabel.Of(u.FirstName, u.LastName, u.Id), cancellationToken).ConfigureAwait(false);
        var run = NewRun(TransferKind.OnePair, administrator, confirmationKey, [new PairToStart(sourceUserId, labels[sourceUserId], targetUserId, labels[targetUserId])]);
        return await InsertAsync(run, anotherBulk: null, acknowledgedEarlierTransfer ? [] : [sourceUserId], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// R-BLK-5: the run takes the active-bulk slot; the database's unique index refuses a second one
    /// even when two requests arrive at the same moment on two app instances.
    /// </summary>
    public async Task<StartOutcome> StartBulkAsync(
        AdministratorProfile administrator, IReadOnlyList<PairToStart> pairs, int? retryOfRunId, Guid confirmationKey, CancellationToken cancellationToken = default) =>
        await StartedMeanwhileOrAsync(
            confirmationKey,
            await StartBulkOnceAsync(administrator, pairs, retryOfRunId, confirmationKey, cancellationToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// R-TRF-5: a refusal may only be the twin of this confirmation showing through (its run holds the bulk slot and
    /// the users): a run started meanwhile with the same key is then the answer, never a refusal.
    /// </summary>
    private async Task<StartOutcome> StartedMeanwhileOrAsync(Guid confirmationKey, StartOutcome outcome, CancellationToken cancellationToken) =>
        outcome.RunId is null && confirmationKey != Guid.Empty && await StartedWithAsync(confirmationKey, cancellationToken).ConfigureAwait(false) is { } started
            ? started
            : outcome;

    private async Task<StartOutcome> StartBulkOnceAsync(
        AdministratorProfile administrator, IReadOnlyList<PairToStart> pairs, int? retryOfRunId, Guid confirmationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        ArgumentNullException.ThrowIfNull(pairs);
        if (await StartedWithAsync(confirmationKey, cancellationToken).ConfigureAwait(false) is { } started)
        {
            return started;
        }

        if (!administrator.Has(Permissions.TransferUserData))
        {
            return StartOutcome.Refused(TransferRefusalKind.MissingPermission, TransferRules.MissingPermission);
        }

        if (confirmationKey == Guid.Empty)
        {
            return StartOutcome.Refused(TransferRefusalKind.CannotStart, NotConfirmed);
        }

        if (pairs.Count is 0 or > MaxBulkPairs)
        {
            return StartOutcome.Refused(TransferRefusalKind.CannotStart, pairs.Count == 0
                ? "The bulk has no pairs to transfer."
                : $"A bulk transfer takes at most {MaxBulkPairs:N0} pairs; this one has {pairs.Count:N0}.");
        }

        // A bulk started by someone else while this request waited for the database also counts: on SQLite a
        // waiting writer can be starved until the other bulk has finished, and must not then start unasked.
        if (await db.TransferRuns.AnyAsync(r => r.ActiveBulkSlot != null, cancellationToken).ConfigureAwait(false))
        {
            return StartOutcome.Refused(TransferRefusalKind.AnotherBulkActive, OneBulkAtATime);
        }

        var lastBulkSeen = await db.TransferRuns.Where(r => r.Kind == TransferKind.Bulk).MaxAsync(r => (int?)r.Id, cancellationToken).ConfigureAwait(false) ?? 0;
        var run = NewRun(TransferKind.Bulk, administrator, confirmationKey, pairs);
        run.ActiveBulkSlot = TransferRun.TheActiveBulk;
        run.RetryOfRunId = retryOfRunId;
        var notToRerun = pairs.Where(p => !p.RerunAcknowledged).Select(p => p.SourceUserId).ToList();
        return await InsertAsync(run, lastBulkSeen, notToRerun, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>R-TRF-6, in words: the earlier transfer, when and by whom.</summary>
    public string AlreadyTransferredMessage(EarlierTransfer earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return $"{earlier.SourceLabel}'s data was already transferred to {earlier.TargetLabel} on {clock.InTenantZone(earlier.At).ToString("yyyy-MM-dd HH:mm", null)} by {earlier.By} (transfer {earlier.RunId}). "
            + "The seed says: do not re-run the transfer on users whose data was successfully transferred.";
    }

    /// <summary>R-TRF-5: the run a confirmation with this key already started, if any.</summary>
    public async Task<StartOutcome?> StartedWithAsync(Guid confirmationKey, CancellationToken cancellationToken = default)
    {
        var runId = await db.TransferRuns.AsNoTracking().Where(r => r.ConfirmationKey == confirmationKey).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return runId is null ? null : new StartOutcome(runId, [], AlreadyStarted: true);
    }

    /// <summary>
    /// Checks and inserts inside one transaction (on SQLite an immediate one, holding the write lock); the
    /// unique indexes — confirmation key, participants, active-bulk slot — stay the guard where a check could race.
    /// <paramref name="notToRerun"/>: the sources whose earlier transfer refuses the run (R-TRF-6), checked in the
    /// same transaction, after the participants, so that a transfer of one of them that ends meanwhile is seen either
    /// as still holding its users or as done (a pair is marked done and releases its users in one commit).
    /// </summary>
    private async Task<StartOutcome> InsertAsync(TransferRun run, int? anotherBulk, IReadOnlyCollection<int> notToRerun, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (await WhyNotAsync(run, anotherBulk, notToRerun, cancellationToken).ConfigureAwait(false) is { } refused)
                {
                    return refused;
                }

                db.TransferRuns.Add(run);
                try
                {
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return new StartOutcome(run.Id, []);
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    // The racing start committed first: say what it holds (the run of this confirmation, its users, the bulk slot).
                    if (await WhyNotAsync(run, anotherBulk, notToRerun, cancellationToken).ConfigureAwait(false) is { } raced)
                    {
                        return raced;
                    }

                    throw;
                }
            }
        }).ConfigureAwait(false);
        if (outcome.RunId is { } runId && !outcome.AlreadyStarted)
        {
            jobs.Enqueue(runId);
        }

        return outcome;
    }

    private async Task<StartOutcome?> WhyNotAsync(TransferRun run, int? lastBulkSeen, IReadOnlyCollection<int> notToRerun, CancellationToken cancellationToken)
    {
        if (await StartedWithAsync(run.ConfirmationKey, cancellationToken).ConfigureAwait(false) is { } started)
        {
            return started;
        }

        if (lastBulkSeen is { } seen && await db.TransferRuns.AsNoTracking().AnyAsync(r => r.ActiveBulkSlot != null || (r.Kind == TransferKind.Bulk && r.Id > seen), cancellationToken).ConfigureAwait(false))
        {
            return StartOutcome.Refused(TransferRefusalKind.AnotherBulkActive, OneBulkAtATime);
        }

        var busy = await BusyUsersAsync(run, cancellationToken).ConfigureAwait(false);
        if (busy.Count > 0)
        {
            return new StartOutcome(null, busy.ConvertAll(label => new TransferRefusal(TransferRefusalKind.UserBusy,
                $"{label} is the source or target of a transfer that is queued or running; start this one when it has finished.")));
        }

        var earlier = await history.EarlierTransfersAsync(notToRerun, cancellationToken).ConfigureAwait(false);
        return earlier.Count == 0
            ? null
            : new StartOutcome(null, [.. earlier.Values.OrderBy(e => e.SourceUserId).Select(e => new TransferRefusal(TransferRefusalKind.AlreadyTransferred, AlreadyTransferredMessage(e)))]);
    }

    private async Task<List<string>> BusyUsersAsync(TransferRun run, CancellationToken cancellationToken)
    {
        var labels = run.Pairs.SelectMany(p => new[] { (p.SourceUserId, p.SourceLabel), (p.TargetUserId, p.TargetLabel) }).DistinctBy(u => u.Item1).ToDictionary(u => u.Item1, u => u.Item2);
        var busy = new List<string>();
        foreach (var chunk in labels.Keys.Chunk(500))
        {
            var held = await db.TransferParticipants.AsNoTracking().Where(p => chunk.Contains(p.UserId)).Select(p => p.UserId).ToListAsync(cancellationToken).ConfigureAwait(false);
            busy.AddRange(held.Order().Select(id => labels[id]));
        }

        return busy;
    }

    private TransferRun NewRun(TransferKind kind, AdministratorProfile administrator, Guid confirmationKey, IReadOnlyList<PairToStart> pairs) => new()
    {
        Kind = kind,
        State = TransferRunState.Queued,
        RequestedByUserId = administrator.UserId,
        RequestedByName = administrator.DisplayName,
        RequestedAt = clock.Now,
        ConfirmationKey = confirmationKey,
        TotalPairs = pairs.Count,
        Pairs = pairs.Select((p, i) => new TransferRunPair
        {
            Position = i + 1,
            SourceUserId = p.SourceUserId,
            SourceLabel = p.SourceLabel,
            TargetUserId = p.TargetUserId,
            TargetLabel = p.TargetLabel,
            State = TransferPairState.Pending,
            Participants = p.SourceUserId == p.TargetUserId
                ? [new TransferParticipant { UserId = p.SourceUserId }]
                : [new TransferParticipant { UserId = p.SourceUserId }, new TransferParticipant { UserId = p.TargetUserId }],
        }).ToList(),
    };
}
