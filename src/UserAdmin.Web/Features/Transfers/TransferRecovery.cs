using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers.Runs;

namespace UserAdmin.Web.Features.Transfers;

/// <summary>
/// R-BLK-6 resume: at start-up every run still queued or running is queued again. With in-memory
/// Hangfire storage the jobs died with the process; with SQL Server storage a job may also still
/// exist, and running it twice is harmless because each pair is claimed once (ADR-0004).
/// </summary>
public sealed class TransferRecovery(IServiceScopeFactory scopes, ILogger<TransferRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UserAdminDbContext>();
        var jobs = scope.ServiceProvider.GetRequiredService<ITransferJobs>();
        var unfinished = await db.TransferRuns.AsNoTracking()
            .Where(r => r.State == TransferRunState.Queued || r.State == TransferRunState.Running)
            .OrderBy(r => r.Id)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        foreach (var runId in unfinished)
        {
            logger.LogInformation("Resuming transfer run {RunId}", runId);
            jobs.Enqueue(runId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
