using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using UserAdmin.Core.Security;
using UserAdmin.Core.Tenancy;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Security;

/// <summary>R-SEC-7: failed-sign-in counts are forgotten after a quiet day, and never while they lock.</summary>
[Collection(AppTestGroup.Name)]
public sealed class SignInLockoutPurgeTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 6, 15, 9, 0);

    private static readonly Duration[] LastFailureAges = [Duration.Zero, Duration.FromHours(23), SignInLockoutPurge.ForgottenAfter, SignInLockoutPurge.ForgottenAfter + Duration.FromMinutes(1), Duration.FromDays(30)];

    private static readonly (string Name, Instant? Until)[] LockStates = [("never locked", null), ("lock ended", Now - Duration.FromMinutes(1)), ("locked now", Now + Duration.FromMinutes(30))];

    [Fact] // R-SEC-7: every combination of the last failure's age and the lock's state; forgotten exactly when quiet for more than a day and not locked
    public async Task A_count_is_forgotten_only_after_a_quiet_day_and_never_while_it_locks()
    {
        using var database = new TestDatabase();
        await using var db = database.CreateDbContext();
        var expected = new List<string>();
        foreach (var age in LastFailureAges)
        {
            foreach (var (state, until) in LockStates)
            {
                var key = SignInLockout.KeyOfName($"{age.TotalMinutes:0} minutes ago, {state}");
                db.SignInLockouts.Add(new SignInLockout { Key = key, Failures = 3, Lockouts = until is null ? 0 : 1, LockedOutUntil = until, LastFailureAt = Now - age });
                if (age <= SignInLockoutPurge.ForgottenAfter || until > Now)
                {
                    expected.Add(key);
                }
            }
        }

        await db.SaveChangesAsync();
        var purge = new SignInLockoutPurge(db, new TenantClock(new FakeClock(Now), DateTimeZone.Utc));

        var deleted = await purge.PurgeAsync();
        var again = await purge.PurgeAsync();

        Assert.Equal((LastFailureAges.Length * LockStates.Length - expected.Count, 0), (deleted, again));
        Assert.Equal(expected.Order(), await db.SignInLockouts.Select(l => l.Key).OrderBy(k => k).ToListAsync());
    }

    [Fact] // R-SEC-7: the purge is registered at start-up and runs every hour
    public void The_purge_is_a_recurring_job()
    {
        using var app = new UserAdminAppFactory(demoUsers: 0);
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == SignInLockoutPurge.RecurringJobId);

        Assert.Equal(Cron.Hourly(), job.Cron);
        Assert.Equal(typeof(SignInLockoutPurge), job.Job.Type);
    }
}
