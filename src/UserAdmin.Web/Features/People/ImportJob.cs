using Hangfire;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Persistence;
using UserAdmin.Web.Hosting;

namespace UserAdmin.Web.Features.People;

/// <summary>
/// R-IMP-10: the Hangfire job of a queued import, on the imports queue. It takes the import's id; the
/// import's state row decides whether this copy runs (Hangfire delivers at least once). No automatic
/// retry: an import that failed wrote nothing and says so, and the administrator starts it again.
/// </summary>
public sealed class ImportJob(ImportApplier applier)
{
    [Queue(JobQueues.Imports)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RunAsync(int importId, CancellationToken cancellationToken) => applier.RunAsync(importId, cancellationToken);
}

/// <summary>Queues imports as Hangfire jobs.</summary>
public sealed class ImportJobs(IBackgroundJobClient jobs)
{
    public void Enqueue(int importId) => jobs.Enqueue<ImportJob>(job => job.RunAsync(importId, CancellationToken.None));
}

/// <summary>
/// R-IMP-10: ends imports whose run died with its process (ADR-0008, ADR-0016), at start-up before the app serves,
/// and then every <see cref="ImportRecovery.SweepInterval"/>, so that a run whose instance never comes back is
/// reported by the others. At start-up it also queues a job again for every queued import where the job storage
/// outlives processes: one whose process died between recording it and queueing its job would wait forever, and
/// a second copy of a job finds the import held or no longer queued.
/// </summary>
public sealed class DeadImportSweep(IServiceScopeFactory scopes, RunningImportLock locks, ILogger<DeadImportSweep> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await SweepAsync(cancellationToken);
        if (!locks.HeldStates.Contains(ImportState.Queued))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<UserAdminDbContext>();
            var jobs = scope.ServiceProvider.GetRequiredService<ImportJobs>();
            foreach (var importId in await db.PeopleImports.AsNoTracking().Where(i => i.State == ImportState.Queued).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken))
            {
                logger.LogInformation("Queueing the job of import {ImportId} again", importId);
                jobs.Enqueue(importId);
            }
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ImportRecovery.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next sweep tries again; a database that is away for a moment must not stop the app.
                logger.LogError(exception, "The sweep for interrupted imports failed");
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportRecovery>().FailInterruptedAsync(cancellationToken);
    }
}
