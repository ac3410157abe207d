using Hangfire;
using UserAdmin.Core.Uploads;

namespace UserAdmin.Web.Hosting;

/// <summary>R-SEC-9: registers the recurring <see cref="UploadPurge"/> at start-up (AddOrUpdate: every instance may, the job stays one).</summary>
internal sealed class UploadPurgeSchedule(IRecurringJobManager recurringJobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<UploadPurge>(UploadPurge.RecurringJobId, JobQueues.Default, purge => purge.PurgeAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
