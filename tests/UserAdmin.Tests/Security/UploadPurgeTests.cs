using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Uploads;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Security;

/// <summary>R-SEC-9: an upload is deleted once imported or expired, by a recurring job.</summary>
[Collection(AppTestGroup.Name)]
public sealed class UploadPurgeTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 6, 15, 9, 0);

    [Fact] // R-SEC-9
    public async Task The_purge_deletes_imported_and_expired_uploads_and_keeps_the_others()
    {
        using var database = new TestDatabase();
        await using var db = database.CreateDbContext();
        var longAgo = new PeopleImport { FileName = "a.csv", ImportedByName = "A", ImportedAt = Now - Duration.FromMinutes(5) };
        var justNow = new PeopleImport { FileName = "b.csv", ImportedByName = "B", ImportedAt = Now };
        db.PeopleImports.AddRange(longAgo, justNow);
        await db.SaveChangesAsync();
        var imported = Upload("imported", Now - Duration.FromHours(1), longAgo.Id);
        var twinStillAnswered = Upload("imported a moment ago", Now, justNow.Id);
        var expired = Upload("expired", Now - UploadLimits.UploadLifetime - Duration.FromMinutes(1), null);
        var waiting = Upload("waiting", Now - Duration.FromHours(2), null);
        db.ImportDrafts.AddRange(imported, twinStillAnswered, expired, waiting);
        await db.SaveChangesAsync();

        var purge = new UploadPurge(db, new TenantClock(new FakeClock(Now), DateTimeZone.Utc));
        var deleted = await purge.PurgeAsync();
        var again = await purge.PurgeAsync();

        Assert.Equal((2, 0), (deleted, again));
        Assert.Equal(["imported a moment ago", "waiting"], await db.Uploads.Select(u => u.FileName).OrderBy(n => n).ToListAsync());
    }

    [Fact] // R-SEC-9: the job is registered at start-up and runs every minute
    public void The_purge_is_a_recurring_job()
    {
        using var app = new UserAdminAppFactory(demoUsers: 0);
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == UploadPurge.RecurringJobId);

        Assert.Equal(Cron.Minutely(), job.Cron);
        Assert.Equal(typeof(UploadPurge), job.Job.Type);
    }

    private static ImportDraft Upload(string name, Instant uploadedAt, int? importId) => new()
    {
        Upload = new Upload
        {
            Id = Guid.NewGuid(),
            FileName = name,
            UploadedAt = uploadedAt,
            ExpiresAt = uploadedAt + UploadLimits.UploadLifetime,
        },
        ImportId = importId,
    };
}
