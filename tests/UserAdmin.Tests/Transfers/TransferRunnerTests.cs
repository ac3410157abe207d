using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Transfers;

/// <summary>R-BLK-6: each pair in its own transaction, its outcome stored as it completes, resumed without repeats.</summary>
public sealed class TransferRunnerTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly TenantClock Clock = new(new FakeClock(Instant.FromUtc(2026, 6, 15, 9, 0)), DateTimeZone.Utc);

    private sealed class RecordedJobs : ITransferJobs
    {
        public List<int> Enqueued { get; } = [];

        public void Enqueue(int runId) => Enqueued.Add(runId);
    }

    private static TransferRunner Runner(UserAdminDbContext db) =>
        new(db, new TransferEngine(db), new TransferRules(db), new AdministratorProfiles(db, Clock), Clock, NullLogger<TransferRunner>.Instance);

    private async Task<AdministratorProfile> AdministratorAsync()
    {
        await using var db = database.CreateDbContext();
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Name == "Runner Admin") ?? db.Roles.Add(new Role { Name = "Runner Admin", IsTenantAdministrator = true }).Entity;
        var admin = TransferScenario.NewUser("Ada", "Admin");
        admin.PasswordHash = "not used";
        admin.Roles.Add(role);
        db.Users.Add(admin);
        await db.SaveChangesAsync();
        return (await new AdministratorProfiles(db, Clock).LoadAsync(admin.Id))!;
    }

    /// <summary>A bulk of <paramref name="count"/> pairs, each source and target owning rows of every type.</summary>
    private async Task<(int RunId, List<TransferScenario> Scenarios, AdministratorProfile Administrator)> BulkAsync(int count)
    {
        var administrator = await AdministratorAsync();
        var scenarios = new List<TransferScenario>();
        for (var i = 0; i < count; i++)
        {
            var scenario = await TransferScenario.CreateAsync(database);
            await scenario.AddRowsOfEveryTypeAsync();
            scenarios.Add(scenario);
        }

        await using var db = database.CreateDbContext();
        await db.TransferRuns.Where(r => r.ActiveBulkSlot != null).ExecuteUpdateAsync(s => s.SetProperty(r => r.ActiveBulkSlot, (int?)null));
        var starter = new TransferRunStarter(db, new TransferRules(db), new TransferHistory(db), new RecordedJobs(), Clock);
        var outcome = await starter.StartBulkAsync(administrator, scenarios.ConvertAll(s => new PairToStart(s.Source, "source", s.Target, "target")), null, Guid.NewGuid());
        return (outcome.RunId!.Value, scenarios, administrator);
    }

    private static async Task<Dictionary<string, int>> OwnedAsync(UserAdminDbContext db, int userId)
    {
        var counts = await new TransferableDataCounts(db).ForUserAsync(userId);
        return counts.ToDictionary(c => c.Type.Key, c => c.Rows);
    }

    [Fact] // R-BLK-6: a run stopped after k pairs resumes with the rest only, and no pair runs twice
    public async Task A_run_interrupted_after_two_pairs_resumes_with_the_remaining_pairs_only()
    {
        var (runId, scenarios, _) = await BulkAsync(5);
        var expected = new List<Dictionary<string, int>>();
        await using (var db = database.CreateDbContext())
        {
            foreach (var s in scenarios)
            {
                var (source, target) = (await OwnedAsync(db, s.Source), await OwnedAsync(db, s.Target));
                expected.Add(TransferCatalogue.All.ToDictionary(t => t.Key, t => t.Mode == TransferMode.Overwrite ? source[t.Key] : source[t.Key] + target[t.Key]));
            }
        }

        using var stop = new CancellationTokenSource();
        await using (var db = database.CreateDbContext())
        {
            var runner = Runner(db);
            var transferred = 0;
            // The "crash": the process stops while the third pair's transaction is open.
            runner.AfterPairTransferred = (_, token) =>
            {
                if (++transferred == 3)
                {
                    stop.Cancel();
                    token.ThrowIfCancellationRequested();
                }

                return Task.CompletedTask;
            };
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(runId, stop.Token));
        }

        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(2, await db.TransferRunPairs.CountAsync(p => p.RunId == runId && p.State == TransferPairState.Done));
            Assert.Equal(TransferRunState.Running, (await db.TransferRuns.SingleAsync(r => r.Id == runId)).State);
            await Runner(db).RunAsync(runId);
        }

        await using var after = database.CreateDbContext();
        var run = await after.TransferRuns.SingleAsync(r => r.Id == runId);
        Assert.Equal(TransferRunState.Succeeded, run.State);
        Assert.Equal(5, run.DonePairs);
        Assert.Null(run.ActiveBulkSlot);
        for (var i = 0; i < scenarios.Count; i++)
        {
            Assert.Equal(expected[i], await OwnedAsync(after, scenarios[i].Target)); // a repeated overwrite would have lost rows
            Assert.All(await OwnedAsync(after, scenarios[i].Source), c => Assert.Equal(0, c.Value));
        }
    }

    [Fact] // R-BLK-6: Hangfire may run the job twice at the same time; each pair is still applied once
    public async Task Two_runners_of_the_same_run_apply_each_pair_once()
    {
        var (runId, scenarios, _) = await BulkAsync(6);
        var impactBefore = new List<int>();
        await using (var db = database.CreateDbContext())
        {
            foreach (var s in scenarios)
            {
                impactBefore.Add((await new TransferEngine(db).ImpactAsync(s.Source, s.Target)).RowsMoved);
            }
        }

        await using var first = database.CreateDbContext();
        await using var second = database.CreateDbContext();
        await Task.WhenAll(Runner(first).RunAsync(runId), Runner(second).RunAsync(runId));

        await using var after = database.CreateDbContext();
        var run = await after.TransferRuns.SingleAsync(r => r.Id == runId);
        Assert.Equal(6, run.DonePairs);
        Assert.Equal(0, run.FailedPairs);
        Assert.Equal(6, await after.TransferRunPairs.CountAsync(p => p.RunId == runId && p.State == TransferPairState.Done));
        var moved = await after.TransferRunPairs.Where(p => p.RunId == runId).OrderBy(p => p.Position).Select(p => p.RowsMoved).ToListAsync();
        Assert.Equal(impactBefore, moved); // each pair moved its rows exactly once
    }

    [Fact] // R-BLK-7, R-TRF-3: a pair whose target became a tenant administrator fails with its reason; the rest succeed
    public async Task A_pair_refused_at_run_time_fails_with_its_reason_while_the_others_succeed()
    {
        var (runId, scenarios, _) = await BulkAsync(3);
        await using (var db = database.CreateDbContext())
        {
            var target = await db.Users.Include(u => u.Roles).SingleAsync(u => u.Id == scenarios[1].Target);
            target.Roles.Add(await db.Roles.SingleAsync(r => r.Name == "Runner Admin"));
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateDbContext())
        {
            await Runner(db).RunAsync(runId);
        }

        await using var after = database.CreateDbContext();
        var pairs = await after.TransferRunPairs.Where(p => p.RunId == runId).OrderBy(p => p.Position).ToListAsync();
        Assert.Equal([TransferPairState.Done, TransferPairState.Failed, TransferPairState.Done], pairs.Select(p => p.State));
        Assert.Contains("is a tenant administrator", pairs[1].Error, StringComparison.Ordinal);
        Assert.Equal(TransferRunState.CompletedWithErrors, (await after.TransferRuns.SingleAsync(r => r.Id == runId)).State);
        Assert.True((await OwnedAsync(after, scenarios[1].Source)).Values.Sum() > 0); // nothing of the failed pair moved
    }

    [Fact] // R-BLK-5: a second bulk while one is queued is refused by the database's unique index
    public async Task A_second_active_bulk_is_refused()
    {
        var (runId, _, administrator) = await BulkAsync(1);
        var extra = await TransferScenario.CreateAsync(database);
        await using var db = database.CreateDbContext();
        var starter = new TransferRunStarter(db, new TransferRules(db), new TransferHistory(db), new RecordedJobs(), Clock);

        var refused = await starter.StartBulkAsync(administrator, [new PairToStart(extra.Source, "s", extra.Target, "t")], null, Guid.NewGuid());
        await db.TransferRuns.AddAsync(new TransferRun { Kind = TransferKind.Bulk, RequestedByName = "x", ActiveBulkSlot = TransferRun.TheActiveBulk });
        var bypass = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Equal(TransferRunStarter.OneBulkAtATime, Assert.Single(refused.Refusals).Message);
        Assert.Contains("UNIQUE", bypass.GetBaseException().Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(0, runId);
    }
}
