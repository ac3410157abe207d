using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Persistence;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Transfers;

/// <summary>R-BLK-5 under a real race: two start requests at the same moment on one app.</summary>
public abstract class BulkRaceScenarios(BulkRaceScenarios.App app)
{
    /// <summary>
    /// Queued runs are held instead of handed to Hangfire, so the first bulk is still active when the
    /// second request arrives however fast the machine is; the test then runs the held bulk itself.
    /// </summary>
    public class App : UserAdminAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => HeldTransferJobs.Register(services));
        }
    }

    [Fact] // R-BLK-5: two start requests sent concurrently — exactly one is accepted
    public async Task Two_concurrent_starts_accept_exactly_one()
    {
        var pairs = await BulkAgents.AddAsync(app, 20, "race");
        using var first = await app.SignInAsync(TestAccounts.Admin);
        using var second = await app.SignInAsync(TestAccounts.Admin);
        var firstPreview = await new BulkSteps(first).UploadAsync(BulkAgents.File(pairs.Take(10)));
        var secondPreview = await new BulkSteps(second).UploadAsync(BulkAgents.File(pairs.Skip(10)));

        var outcomes = await Task.WhenAll(new BulkSteps(first).RunAsync(firstPreview), new BulkSteps(second).RunAsync(secondPreview));

        Assert.Single(outcomes, o => o.RunUrl is not null);
        Assert.Single(outcomes, o => o.Error?.Contains("one bulk user data transfer at a time", StringComparison.Ordinal) == true);
        var held = Assert.Single(app.Services.GetRequiredService<HeldTransferJobs>().Held);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TransferRunner>().RunAsync(held);
        }

        await using var db = app.CreateDbContext();
        var run = await db.TransferRuns.SingleAsync(r => r.Id == held);
        Assert.Equal(TransferRunState.Succeeded, run.State);
        Assert.Equal(10, run.DonePairs);
        Assert.Null(run.ActiveBulkSlot);
    }
}

/// <summary><see cref="BulkRaceScenarios"/> on a SQLite file.</summary>
[Collection(AppTestGroup.Name)]
public sealed class BulkRaceTests(BulkRaceScenarios.App app) : BulkRaceScenarios(app), IClassFixture<BulkRaceScenarios.App>;

/// <summary><see cref="BulkRaceScenarios"/> on PostgreSQL (ADR-0011).</summary>
[Collection(AppTestGroup.Name)]
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlBulkRaceTests(PostgreSqlBulkRaceTests.PostgreSqlApp app) : BulkRaceScenarios(app), IClassFixture<PostgreSqlBulkRaceTests.PostgreSqlApp>
{
    public sealed class PostgreSqlApp : App, IRunsOnPostgreSql;
}
