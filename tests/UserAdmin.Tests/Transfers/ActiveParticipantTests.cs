using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Transfers;

/// <summary>R-TRF-5: a user in a queued or running transfer cannot be put in another, by a database constraint.</summary>
public abstract class ActiveParticipantScenarios(TestDatabase database)
{
    private readonly RunnerKit _kit = new(database);

    public enum Side
    {
        Source,
        Target,
    }

    public static TheoryData<Side, Side, bool> EveryCombination()
    {
        var data = new TheoryData<Side, Side, bool>();
        foreach (var held in Enum.GetValues<Side>())
        {
            foreach (var wanted in Enum.GetValues<Side>())
            {
                data.Add(held, wanted, false);
                data.Add(held, wanted, true);
            }
        }

        return data;
    }

    [Theory] // R-TRF-5: held as source or target, wanted as source or target, in a single or a bulk: always refused
    [MemberData(nameof(EveryCombination))]
    public async Task A_user_of_a_queued_transfer_cannot_start_another_in_any_role(Side heldAs, Side wantedAs, bool bulk)
    {
        var administrator = await _kit.AdministratorAsync();
        var held = await TransferScenario.CreateAsync(database);
        var fresh = await TransferScenario.CreateAsync(database);
        await using var db = database.CreateDbContext();
        await db.TransferRuns.Where(r => r.ActiveBulkSlot != null).ExecuteUpdateAsync(s => s.SetProperty(r => r.ActiveBulkSlot, (int?)null));
        var first = await RunnerKit.Starter(db).StartSingleAsync(administrator, held.Source, held.Target, Guid.NewGuid(), acknowledgedEarlierTransfer: false);
        var busy = heldAs == Side.Source ? held.Source : held.Target;
        var (source, target) = wantedAs == Side.Source ? (busy, fresh.Target) : (fresh.Source, busy);

        var second = bulk
            ? await RunnerKit.Starter(db).StartBulkAsync(administrator, [new PairToStart(source, $"S {source}", target, $"T {target}")], null, Guid.NewGuid())
            : await RunnerKit.Starter(db).StartSingleAsync(administrator, source, target, Guid.NewGuid(), acknowledgedEarlierTransfer: false);

        Assert.NotNull(first.RunId);
        Assert.Null(second.RunId);
        var refusal = Assert.Single(second.Refusals);
        Assert.Equal(TransferRefusalKind.UserBusy, refusal.Kind);
        Assert.Contains("is the source or target of a transfer that is queued or running", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(1, await db.TransferRuns.CountAsync(r => r.Pairs.Any(p => p.SourceUserId == busy || p.TargetUserId == busy)));
    }

    [Fact] // R-TRF-5: the constraint is the database's own; a write that skips every check is refused too
    public async Task The_database_refuses_a_second_participant_row_for_a_user()
    {
        var administrator = await _kit.AdministratorAsync();
        var held = await TransferScenario.CreateAsync(database);
        await using var db = database.CreateDbContext();
        var run = await RunnerKit.Starter(db).StartSingleAsync(administrator, held.Source, held.Target, Guid.NewGuid(), acknowledgedEarlierTransfer: false);
        var otherPair = await db.TransferRunPairs.Where(p => p.RunId != run.RunId).Select(p => p.Id).FirstOrDefaultAsync();

        await using var bypass = database.CreateDbContext();
        bypass.TransferParticipants.Add(new TransferParticipant { UserId = held.Target, PairId = otherPair == 0 ? 1 : otherPair });
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => bypass.SaveChangesAsync());

        Assert.Contains("UNIQUE", refused.GetBaseException().Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact] // R-TRF-5, R-BLK-6: a crash keeps exactly the unfinished pairs' users held; the resumed run and a repeated job release them all
    public async Task Users_are_released_as_their_pairs_end_across_a_crash_and_a_repeated_job()
    {
        var administrator = await _kit.AdministratorAsync();
        var scenarios = new List<TransferScenario>();
        for (var i = 0; i < 3; i++)
        {
            scenarios.Add(await TransferScenario.CreateAsync(database));
        }

        int runId;
        await using (var db = database.CreateDbContext())
        {
            runId = await RunnerKit.StartBulkAsync(db, administrator, scenarios);
        }

        var users = scenarios.SelectMany(s => new[] { s.Source, s.Target }).ToList();
        Assert.Equal(6, await HeldAsync(users));
        await using (var db = database.CreateDbContext())
        {
            var crashing = RunnerKit.Runner(db);
            crashing.AfterPairTransferred = (pair, _) => pair.Position == 2 ? throw new OperationCanceledException("the process stops") : Task.CompletedTask;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => crashing.RunAsync(runId));
        }

        Assert.Equal(4, await HeldAsync(users)); // pair 1 ended and released its users; pairs 2 and 3 hold theirs
        Assert.Equal(0, await HeldAsync([scenarios[0].Source, scenarios[0].Target]));
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var db = database.CreateDbContext();
            await RunnerKit.Runner(db).RunAsync(runId);
        }

        Assert.Equal(0, await HeldAsync(users));
        await using var after = database.CreateDbContext();
        Assert.Equal(TransferRunState.Succeeded, (await after.TransferRuns.SingleAsync(r => r.Id == runId)).State);
        Assert.Equal(3, await after.TransferRunPairs.CountAsync(p => p.RunId == runId && p.State == TransferPairState.Done));
    }

    private async Task<int> HeldAsync(IReadOnlyCollection<int> users)
    {
        await using var db = database.CreateDbContext();
        return await db.TransferParticipants.CountAsync(p => users.Contains(p.UserId));
    }
}

/// <summary><see cref="ActiveParticipantScenarios"/> on a SQLite file.</summary>
public sealed class ActiveParticipantTests(TestDatabase database) : ActiveParticipantScenarios(database), IClassFixture<TestDatabase>;

/// <summary><see cref="ActiveParticipantScenarios"/> on PostgreSQL (ADR-0011).</summary>
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlActiveParticipantTests(PostgreSqlTestDatabase database) : ActiveParticipantScenarios(database), IClassFixture<PostgreSqlTestDatabase>;
