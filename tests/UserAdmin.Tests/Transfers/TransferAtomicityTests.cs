using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Persistence;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Transfers;

/// <summary>R-TRF-2: one pair is transferred in one database transaction, all of its types or none.</summary>
public abstract class TransferAtomicityScenarios(TestDatabase database)
{
    public static TheoryData<int> FailingAfter => [1, TransferCatalogue.All.Count / 2, TransferCatalogue.All.Count];

    [Theory, MemberData(nameof(FailingAfter))] // R-TRF-2
    public async Task A_failure_after_some_types_leaves_every_table_exactly_as_before(int typesDone)
    {
        var scenario = await TransferScenario.CreateAsync(database);
        await scenario.AddRowsOfEveryTypeAsync();
        await using var db = scenario.CreateDbContext();
        var before = await TableContents.SnapshotAsync(db);
        var done = 0;
        var engine = new TransferEngine(db, (_, _) => ++done == typesDone ? throw new InvalidOperationException("Injected failure") : Task.CompletedTask);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.TransferAsync(scenario.Source, scenario.Target));

        Assert.Equal("Injected failure", failure.Message);
        Assert.Equal(before, await TableContents.SnapshotAsync(db));
        Assert.Null(db.Database.CurrentTransaction);
    }

    [Fact] // R-TRF-2, with a failure raised by the database itself in the middle of the catalogue
    public async Task A_database_error_on_one_type_undoes_the_types_already_transferred()
    {
        var scenario = await TransferScenario.CreateAsync(database);
        await scenario.AddRowsOfEveryTypeAsync();
        await using var db = scenario.CreateDbContext();
        var before = await TableContents.SnapshotAsync(db);
        await InjectedFault.RefuseUpdatesAsync(db, "refuse_alert_moves", "Alerts", "TRUE", "alerts are read-only");
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => new TransferEngine(db).TransferAsync(scenario.Source, scenario.Target));

            Assert.Equal(before, await TableContents.SnapshotAsync(db));
        }
        finally
        {
            await InjectedFault.RemoveAsync(db, "refuse_alert_moves", "Alerts");
        }
    }

    [Fact] // R-TRF-2, R-BLK-6: the bulk job claims a pair and transfers it in its own transaction
    public async Task Inside_a_callers_transaction_the_transfer_commits_and_rolls_back_with_it()
    {
        var scenario = await TransferScenario.CreateAsync(database);
        await scenario.AddRowsOfEveryTypeAsync();
        await using var db = scenario.CreateDbContext();
        var before = await TableContents.SnapshotAsync(db);

        // As the bulk job does it: a server database's retrying strategy runs the caller's transaction as one unit.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var rolledBack = await db.Database.BeginTransactionAsync();
            var result = await new TransferEngine(db).TransferAsync(scenario.Source, scenario.Target);
            Assert.True(result.RowsMoved > 0);
            Assert.Same(rolledBack, db.Database.CurrentTransaction);
            await rolledBack.RollbackAsync();
        });

        Assert.Equal(before, await TableContents.SnapshotAsync(db));

        await strategy.ExecuteAsync(async () =>
        {
            await using var committed = await db.Database.BeginTransactionAsync();
            await new TransferEngine(db).TransferAsync(scenario.Source, scenario.Target);
            await committed.CommitAsync();
        });

        var owned = await new TransferableDataCounts(db).ForUserAsync(scenario.Source);
        Assert.All(owned, o => Assert.Equal(0, o.Rows));
    }
}

/// <summary><see cref="TransferAtomicityScenarios"/> on a SQLite file.</summary>
public sealed class TransferAtomicityTests(TestDatabase database) : TransferAtomicityScenarios(database), IClassFixture<TestDatabase>;

/// <summary><see cref="TransferAtomicityScenarios"/> on PostgreSQL (ADR-0011).</summary>
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlTransferAtomicityTests(PostgreSqlTestDatabase database) : TransferAtomicityScenarios(database), IClassFixture<PostgreSqlTestDatabase>;
