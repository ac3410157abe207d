using Hangfire;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Web.Hosting;

namespace UserAdmin.Web.Features.Transfers;

/// <summary>
/// The Hangfire job of a transfer run, on the transfers queue. Hangfire may run it more than once
/// (at-least-once, a restart, an invisibility timeout): correctness comes from the runner's per-pair
/// claims; the distributed lock only keeps two copies of one run from working side by side.
/// </summary>
public sealed class TransferJob(TransferRunner runner)
{
    private const int LockWaitSeconds = 10;

    /// <summary>How long a copy of the job waits for the run's distributed lock.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(LockWaitSeconds);

    [Queue(JobQueues.Transfers)]
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisableConcurrentExecution(timeoutInSeconds: LockWaitSeconds)]
    public Task RunAsync(int runId, CancellationToken cancellationToken) => runner.RunAsync(runId, cancellationToken);
}

/// <summary>Queues runs as Hangfire jobs.</summary>
public sealed class HangfireTransferJobs(IBackgroundJobClient jobs) : ITransferJobs
{
    public void Enqueue(int runId) => jobs.Enqueue<TransferJob>(job => job.RunAsync(runId, CancellationToken.None));
}
