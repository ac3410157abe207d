using NodaTime;

namespace UserAdmin.Core.Transfers.Runs;

public enum TransferKind
{
    OnePair,
    Bulk,
}

public enum TransferRunState
{
    Queued,
    Running,
    Succeeded,
    CompletedWithErrors,
}

public enum TransferPairState
{
    Pending,
    Done,
    Failed,
}

/// <summary>
/// One user data transfer as the administrator started it: a single pair or a bulk of pairs
/// (R-BLK-8). The domain tables, not Hangfire, are the truth: each pair's state says whether it ran,
/// so a restarted job resumes with the pending pairs only (R-BLK-6).
/// </summary>
public class TransferRun
{
    /// <summary>The value of <see cref="ActiveBulkSlot"/> while a bulk is queued or running.</summary>
    public const int TheActiveBulk = 1;

    public int Id { get; set; }

    public TransferKind Kind { get; set; }

    public TransferRunState State { get; set; }

    public int RequestedByUserId { get; set; }

    public string RequestedByName { get; set; } = "";

    public Instant RequestedAt { get; set; }

    public Instant? StartedAt { get; set; }

    public Instant? FinishedAt { get; set; }

    public int TotalPairs { get; set; }

    public int DonePairs { get; set; }

    public int FailedPairs { get; set; }

    /// <summary>
    /// R-BLK-5: <see cref="TheActiveBulk"/> while a bulk is queued or running, otherwise null. A unique
    /// index over it lets the database itself refuse a second active bulk, across app instances and double-clicks.
    /// </summary>
    public int? ActiveBulkSlot { get; set; }

    /// <summary>
    /// R-TRF-5: the one-time key of the confirmation page that started this run. Unique, so a second
    /// submit of the same confirmation finds this run instead of starting another.
    /// </summary>
    public Guid ConfirmationKey { get; set; }

    /// <summary>The bulk whose failed pairs this one re-runs (R-BLK-7), if any.</summary>
    public int? RetryOfRunId { get; set; }

    public List<TransferRunPair> Pairs { get; set; } = [];

    public bool IsFinished => State is TransferRunState.Succeeded or TransferRunState.CompletedWithErrors;
}

/// <summary>One source → target pair of a run, with its outcome once it ran.</summary>
public class TransferRunPair
{
    public long Id { get; set; }

    public int RunId { get; set; }

    /// <summary>Order in the run (the bulk file's line for bulks).</summary>
    public int Position { get; set; }

    public int SourceUserId { get; set; }

    public int TargetUserId { get; set; }

    /// <summary>"Name (id)" of the source when the transfer was started, for history and audit.</summary>
    public string SourceLabel { get; set; } = "";

    public string TargetLabel { get; set; } = "";

    public TransferPairState State { get; set; }

    public string? Error { get; set; }

    public Instant? CompletedAt { get; set; }

    public int RowsMoved { get; set; }

    public int TargetRowsDeleted { get; set; }

    public List<TransferRunCount> Counts { get; set; } = [];

    /// <summary>R-TRF-5: the pair's two users, held while the pair is pending.</summary>
    public List<TransferParticipant> Participants { get; set; } = [];
}

/// <summary>
/// R-TRF-5: a user who is the source or target of a pending pair of a queued or running transfer. The
/// primary key is the user id, so the database itself keeps a user out of two active transfers, across
/// app instances. Rows are inserted with the run and deleted in the transaction that ends their pair
/// (done or failed), so a crash leaves exactly the unfinished pairs' users held and a resumed run, or a
/// second copy of the job, deletes nothing twice.
/// </summary>
public class TransferParticipant
{
    public int UserId { get; set; }

    public long PairId { get; set; }
}

/// <summary>What one pair's transfer did to one data type (R-BLK-8).</summary>
public class TransferRunCount
{
    public long Id { get; set; }

    public long PairId { get; set; }

    public string DataTypeKey { get; set; } = "";

    public int RowsMoved { get; set; }

    public int TargetRowsDeleted { get; set; }
}

/// <summary>R-TRF-10: states as the administrator reads them, never as enum names.</summary>
public static class TransferStateWords
{
    public static string Words(this TransferRunState state) => state switch
    {
        TransferRunState.Queued => "Queued",
        TransferRunState.Running => "Running",
        TransferRunState.Succeeded => "Succeeded",
        TransferRunState.CompletedWithErrors => "Completed with errors",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown transfer run state."),
    };

    public static string Words(this TransferPairState state) => state switch
    {
        TransferPairState.Pending => "Waiting",
        TransferPairState.Done => "Transferred",
        TransferPairState.Failed => "Failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown transfer pair state."),
    };
}
