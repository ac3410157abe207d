using Hangfire;
using UserAdmin.Core.People.Import;
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

/// <summary>Start-up recovery of imports cut off by a crash or restart (ADR-0008).</summary>
public sealed class ImportStartupRecovery(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportRecovery>().FailInterruptedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
