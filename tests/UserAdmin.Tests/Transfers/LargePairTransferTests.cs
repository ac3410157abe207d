using System.Diagnostics;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Persistence;
using UserAdmin.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserAdmin.Tests.Transfers;

/// <summary>
/// One pair owning 100,000 rows on SQLite: asserts correctness only and prints the time, so a slow
/// machine does not fail the build but a regression to row-by-row work shows in the output.
/// </summary>
public abstract class LargePairTransferScenarios(TestDatabase database, ITestOutputHelper output)
{
    private static readonly Dictionary<string, int> SourceRows = new()
    {
        ["login-states"] = 10_000,
        ["recording-api-commands"] = 4_000,
        ["contact-call-records"] = 15_000,
        ["evaluations"] = 5_000,
        ["evaluation-comments"] = 5_000,
        ["contact-goals"] = 500,
        ["contact-goal-progress"] = 3_000,
        ["storage-files"] = 12_000,
        ["archive-audit"] = 2_000,
        ["audit-events"] = 13_000,
        ["messaging-requests"] = 2_916,
        ["messaging-request-comments"] = 2_000,
        ["server-requests"] = 1_000,
        ["alerts"] = 7_000,
        ["views"] = 100,
        ["workflow-conditions"] = 100,
        ["vacation-hours"] = 10,
        ["skill-mappings"] = 7,
        ["assigned-exceptions"] = 1_000,
        ["agent-schedules"] = 3_000,
        ["projects"] = 20,
        ["work-shifts"] = 7,
        ["productivity-intervals"] = 5_000,
        ["productivity-days"] = 1_000,
        ["productivity-weeks"] = 150,
        ["productivity-months"] = 36,
        ["productivity-years"] = 3,
        ["offline-activity-hours"] = 1_000,
        ["group-day-allocations"] = 1_000,
        ["historical-activities"] = 5_000,
        ["work-hours"] = 150,
        ["real-time-state"] = 1,
    };

    [Fact] // R-TRF-2 at scale: one transaction, set-based statements
    public async Task A_pair_owning_100000_rows_is_transferred_completely()
    {
        Assert.Equal(100_000, SourceRows.Values.Sum());
        Assert.Equal(TransferCatalogue.All.Select(t => t.Key).Order(), SourceRows.Keys.Order());
        var warmUp = await TransferScenario.CreateAsync(database);
        await using (var db = warmUp.CreateDbContext())
        {
            await new TransferEngine(db).TransferAsync(warmUp.Source, warmUp.Target);
        }

        var scenario = await TransferScenario.CreateAsync(database);
        var targetRows = await ArrangeAsync(scenario);

        await using (var db = scenario.CreateDbContext())
        {
            var time = Stopwatch.StartNew();
            var impact = await new TransferEngine(db).ImpactAsync(scenario.Source, scenario.Target);
            var impactTime = time.Elapsed;
            time.Restart();
            var result = await new TransferEngine(db).TransferAsync(scenario.Source, scenario.Target);
            output.WriteLine($"Impact of a pair owning {impact.RowsMoved:N0} rows: {impactTime.TotalMilliseconds:N0} ms; transfer: {time.Elapsed.TotalMilliseconds:N0} ms ({result.RowsMoved:N0} moved, {result.TargetRowsDeleted:N0} deleted).");

            Assert.Equal(100_000, result.RowsMoved);
            Assert.Equal(targetRows, result.TargetRowsDeleted);
            Assert.Equal(impact.RowsMoved, result.RowsMoved);
        }

        await using (var db = scenario.CreateDbContext())
        {
            var owned = await new TransferableDataCounts(db).ForUserAsync(scenario.Source);
            Assert.All(owned, o => Assert.Equal(0, o.Rows));
            var target = await new TransferableDataCounts(db).ForUserAsync(scenario.Target);
            Assert.All(target, o => Assert.Equal(SourceRows[o.Type.Key] + (o.Type.Mode == TransferMode.Combine ? 10 : 0), o.Rows));
        }
    }

    /// <summary>The source's 100,000 rows; the target owns as many rows of each overwritten type and 10 of each combined one.</summary>
    private static async Task<int> ArrangeAsync(TransferScenario scenario)
    {
        await using var db = scenario.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var targetOverwritten = 0;
        foreach (var type in TransferCatalogue.All)
        {
            var count = SourceRows[type.Key];
            var targetCount = type.Mode == TransferMode.Overwrite ? count : 10;
            targetOverwritten += type.Mode == TransferMode.Overwrite ? targetCount : 0;
            await SampleRows.WriteAsync(db, type, Rows(type, scenario.Source, count, scenario));
            await SampleRows.WriteAsync(db, type, Rows(type, scenario.Target, targetCount, scenario));
        }

        await transaction.CommitAsync();
        return targetOverwritten;
    }

    // The owner in the first user column, the bystander in any other: one moved row per row.
    private static IEnumerable<object> Rows(TransferableDataType type, int owner, int count, TransferScenario scenario) =>
        Enumerable.Range(0, count).Select(i =>
            SampleRows.Create(type, [owner, .. Enumerable.Repeat(scenario.Bystander, type.UserColumns.Count - 1)], i, scenario.Parents));
}

/// <summary><see cref="LargePairTransferScenarios"/> on a SQLite file.</summary>
public sealed class LargePairTransferTests(TestDatabase database, ITestOutputHelper output) : LargePairTransferScenarios(database, output), IClassFixture<TestDatabase>;

/// <summary><see cref="LargePairTransferScenarios"/> on PostgreSQL (ADR-0011).</summary>
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlLargePairTransferTests(PostgreSqlTestDatabase database, ITestOutputHelper output) : LargePairTransferScenarios(database, output), IClassFixture<PostgreSqlTestDatabase>;
