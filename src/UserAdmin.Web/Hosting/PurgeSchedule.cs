using Hangfire;
using UserAdmin.Core.Security;
using UserAdmin.Core.Uploads;

namespace UserAdmin.Web.Hosting;

/// <summary>
/// Registers the recurring purges at start-up (AddOrUpdate: every instance may, each job stays one): uploads
/// (R-SEC-9) every minute, forgotten sign-in failure counts (R-SEC-7) every hour.
/// </summary>
internal sealed class PurgeSchedule(IRecurringJobManager recurringJobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<UploadPurge>(UploadPurge.RecurringJobId, JobQueues.Default, purge => purge.PurgeAsync(CancellationToken.None), Cron.Minutely());
        recurringJobs.AddOrUpdate<SignInLockoutPurge>(SignInLockoutPurge.RecurringJobId, JobQueues.Default, purge => purge.PurgeAsync(CancellationToken.None), Cron.Hourly());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
