using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Transfers.Data;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.Reliability;

namespace UserAdmin.Tests.Transfers;

/// <summary>R-TRF-8: each pair's rules inside its own transaction; R-TRF-10: failures in the product's words, detail in the log.</summary>
public sealed class RulesAtTheMomentOfWritingTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly RunnerKit _kit = new(database);

    private async Task<(int RunId, List<TransferScenario> Scenarios)> BulkAsync(int count)
    {
        var administrator = await _kit.AdministratorAsync();
        var scenarios = new List<TransferScenario>();
        for (var i = 0; i < count; i++)
        {
            var scenario = await TransferScenario.CreateAsync(database);
            await scenario.AddRowsAsync(TransferCatalogue.All.First(t => t.EntityType == typeof(LoginState)));
            scenarios.Add(scenario);
        }

        await using var db = database.CreateDbContext();
        return (await RunnerKit.StartBulkAsync(db, administrator, scenarios), scenarios);
    }

    [Theory] // R-TRF-8: a user made a tenant administrator between two pairs of a running bulk stops that pair (as source or as target)
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_tenant_administrator_role_granted_between_two_pairs_stops_the_next_pair(bool promoteTarget)
    {
        var (runId, scenarios) = await BulkAsync(3);
        var promoted = promoteTarget ? scenarios[1].Target : scenarios[1].Source;
        var gate = new TransactionGate();
        await using (var db = _kit.CreateDbContext(gate))
        {
            var runner = RunnerKit.Runner(db);
            // After pair 1's data moved (the page's rules were checked before it), the role is granted just before pair 2's transaction begins.
            runner.AfterPairTransferred = (pair, _) =>
            {
                if (pair.Position == 1)
                {
                    gate.Arm(() => _kit.MakeTenantAdministratorAsync(promoted));
                }

                return Task.CompletedTask;
            };
            await runner.RunAsync(runId);
        }

        await using var after = database.CreateDbContext();
        var pairs = await after.TransferRunPairs.Where(p => p.RunId == runId).OrderBy(p => p.Position).ToListAsync();
        Assert.True(gate.Fired);
        Assert.Equal([TransferPairState.Done, TransferPairState.Failed, TransferPairState.Done], pairs.Select(p => p.State));
        Assert.Contains("is a tenant administrator; tenant administrators' data cannot be transferred.", pairs[1].Error, StringComparison.Ordinal);
        Assert.Equal(3, await after.LoginStates.CountAsync(l => l.UserId == scenarios[1].Source)); // nothing of pair 2 moved
        Assert.Equal(0, await after.TransferParticipants.CountAsync(p => p.UserId == promoted));
    }

    [Fact] // R-TRF-10: a database failure is logged with the run and pair ids; the pair's message is in the product's words
    public async Task A_failed_pair_says_what_failed_in_words_and_logs_the_detail_with_its_ids()
    {
        var (runId, scenarios) = await BulkAsync(2);
        await using (var db = database.CreateDbContext())
        {
            var trigger = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"CREATE TRIGGER refuse_words_{scenarios[0].Source} BEFORE UPDATE ON \"LoginStates\" WHEN OLD.\"UserId\" = {scenarios[0].Source} BEGIN SELECT RAISE(ABORT, 'login states are locked'); END;");
            await db.Database.ExecuteSqlRawAsync(trigger);
        }

        var logger = new RecordingLogger<TransferRunner>();
        await using (var db = database.CreateDbContext())
        {
            await RunnerKit.Runner(db, logger).RunAsync(runId);
        }

        await using var after = database.CreateDbContext();
        var failed = await after.TransferRunPairs.SingleAsync(p => p.RunId == runId && p.Position == 1);
        Assert.Equal(TransferPairState.Failed, failed.State);
        Assert.Equal($"The transfer of this pair failed because the database refused one of its changes, and nothing of it was changed. The technical detail is in the application log (transfer {runId}, pair {failed.Id}).", failed.Error);
        Assert.DoesNotContain("SQLite", failed.Error, StringComparison.OrdinalIgnoreCase);
        var entry = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal(runId, entry.State["RunId"]);
        Assert.Equal(failed.Id, entry.State["PairId"]);
        Assert.IsAssignableFrom<DbException>(entry.Exception!.GetBaseException());
        Assert.Equal(TransferRunState.CompletedWithErrors, (await after.TransferRuns.SingleAsync(r => r.Id == runId)).State);
    }

    [Fact] // R-TRF-10: every state reads as words
    public void States_read_as_words()
    {
        Assert.Equal(["Queued", "Running", "Succeeded", "Completed with errors"], Enum.GetValues<TransferRunState>().Select(s => s.Words()));
        Assert.Equal(["Waiting", "Transferred", "Failed"], Enum.GetValues<TransferPairState>().Select(s => s.Words()));
    }
}
