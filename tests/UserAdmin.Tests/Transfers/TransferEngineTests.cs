using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Persistence;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Transfers;

public abstract class TransferEngineScenarios(TestDatabase database)
{
    public static TheoryData<string> CombinedTypes => Keys(TransferMode.Combine);

    public static TheoryData<string> OverwrittenTypes => Keys(TransferMode.Overwrite);

    public static TheoryData<string> EveryType => [.. TransferCatalogue.All.Select(t => t.Key)];

    [Theory, MemberData(nameof(CombinedTypes))] // DESIGN 2.3 Combine
    public async Task A_combined_type_keeps_the_targets_rows_and_adds_the_sources(string key)
    {
        var (type, scenario) = await ArrangeAsync(key);
        var before = await OwnershipAsync(scenario, type);

        var result = await TransferAsync(scenario);

        var after = await OwnershipAsync(scenario, type);
        foreach (var column in type.UserColumns)
        {
            Assert.Equal(before.Target[column].Union(before.Source[column]).Order(), after.Target[column].Order());
            Assert.Empty(after.Source[column]);
            Assert.Equal(before.Bystander[column].Order(), after.Bystander[column].Order());
        }

        Assert.Equal(before.Total, after.Total);
        Assert.Equal(new Figures(before.SourceColumnRows, 0), Figures.Of(result.Counts, type));
    }

    [Theory, MemberData(nameof(OverwrittenTypes))] // DESIGN 2.3 Overwrite
    public async Task An_overwritten_type_deletes_the_targets_rows_and_moves_the_sources(string key)
    {
        var (type, scenario) = await ArrangeAsync(key);
        var before = await OwnershipAsync(scenario, type);

        var result = await TransferAsync(scenario);

        var after = await OwnershipAsync(scenario, type);
        foreach (var column in type.UserColumns)
        {
            Assert.Equal(before.Source[column].Order(), after.Target[column].Order());
            Assert.Empty(after.Source[column]);
            Assert.Equal(before.Bystander[column].Order(), after.Bystander[column].Order());
        }

        Assert.Equal(before.Total - before.TargetRows, after.Total);
        Assert.Equal(new Figures(before.SourceColumnRows, before.TargetRows), Figures.Of(result.Counts, type));
    }

    [Theory, MemberData(nameof(EveryType))] // DESIGN 2.3: transferred rows no longer belong to the source
    public async Task After_a_transfer_the_source_owns_no_rows_and_the_row_total_drops_by_the_deleted_rows(string key)
    {
        var (type, scenario) = await ArrangeAsync(key);
        await using var db = scenario.CreateDbContext();
        var totalBefore = await TableContents.CountAsync(db, type);

        var result = await TransferAsync(scenario);

        var owned = await new TransferableDataCounts(db).ForUserAsync(scenario.Source);
        Assert.All(owned, o => Assert.Equal(0, o.Rows));
        Assert.Equal(totalBefore - Figures.Of(result.Counts, type).Deleted, await TableContents.CountAsync(db, type));
    }

    [Theory, MemberData(nameof(EveryType))] // R-TRF-4
    public async Task The_impact_shown_before_a_transfer_equals_what_the_transfer_then_does(string key)
    {
        var (type, scenario) = await ArrangeAsync(key);
        await using var db = scenario.CreateDbContext();
        var snapshot = await TableContents.SnapshotAsync(db);

        var impact = await new TransferEngine(db).ImpactAsync(scenario.Source, scenario.Target);
        Assert.Equal(snapshot, await TableContents.SnapshotAsync(db));
        var result = await new TransferEngine(db).TransferAsync(scenario.Source, scenario.Target);

        Assert.Equal(Figures.All(impact.Counts), Figures.All(result.Counts));
        Assert.True(Figures.Of(impact.Counts, type).Moved > 0);
    }

    [Fact] // R-TRF-4, with every type at once
    public async Task The_impact_of_a_pair_owning_every_type_equals_the_transfer()
    {
        var scenario = await TransferScenario.CreateAsync(database);
        await scenario.AddRowsOfEveryTypeAsync();
        await using var db = scenario.CreateDbContext();

        var impact = await new TransferEngine(db).ImpactAsync(scenario.Source, scenario.Target);
        var result = await new TransferEngine(db).TransferAsync(scenario.Source, scenario.Target);

        Assert.Equal(Figures.All(impact.Counts), Figures.All(result.Counts));
        Assert.Equal(TransferCatalogue.All.Select(t => t.Key), result.Counts.Select(c => c.Type.Key));
        Assert.All(result.Counts, c => Assert.True(c.RowsMoved > 0, c.Type.Name));
        Assert.Equal(impact.RowsMoved, result.RowsMoved);
        Assert.Equal(impact.TargetRowsDeleted, result.TargetRowsDeleted);
    }

    [Fact] // DESIGN 2.3, R-TRF-1: one pair owning rows of every catalogue type, checked type by type and column by column
    public async Task One_transfer_moves_or_overwrites_every_catalogue_type_in_each_of_its_user_columns_as_its_mode_says()
    {
        // The cases come from the catalogue itself: a type added without sample rows fails here.
        var scenario = await TransferScenario.CreateAsync(database);
        await scenario.AddRowsOfEveryTypeAsync();
        var before = new Dictionary<string, Ownership>();
        foreach (var type in TransferCatalogue.All)
        {
            before[type.Key] = await OwnershipAsync(scenario, type);
        }

        var result = await TransferAsync(scenario);

        var checkedColumns = new List<string>();
        foreach (var type in TransferCatalogue.All)
        {
            var was = before[type.Key];
            var now = await OwnershipAsync(scenario, type);
            foreach (var column in type.UserColumns)
            {
                Assert.True(was.Source[column].Count > 0, $"{type.Key}.{column}: the source owned no rows, so the check would prove nothing");
                var expectedTarget = type.Mode == TransferMode.Combine ? was.Target[column].Union(was.Source[column]) : was.Source[column];
                Assert.True(expectedTarget.Order().SequenceEqual(now.Target[column].Order()), $"{type.Key}.{column} ({type.Mode}): the target's rows are not what the mode says");
                Assert.True(now.Source[column].Count == 0, $"{type.Key}.{column}: the source still owns rows");
                Assert.True(was.Bystander[column].SetEquals(now.Bystander[column]), $"{type.Key}.{column}: a bystander's rows changed");
                checkedColumns.Add($"{type.Key}.{column}");
            }

            var deleted = type.Mode == TransferMode.Overwrite ? was.TargetRows : 0;
            Assert.Equal(was.Total - deleted, now.Total);
            Assert.Equal(new Figures(was.SourceColumnRows, deleted), Figures.Of(result.Counts, type));
        }

        Assert.Equal(TransferCatalogue.All.Sum(t => t.UserColumns.Count), checkedColumns.Distinct().Count());
    }

    [Fact] // DESIGN 2.3: overwrite applies to the target even when the source has none of that type
    public async Task A_source_without_rows_leaves_combined_targets_alone_and_empties_overwritten_ones()
    {
        var scenario = await TransferScenario.CreateAsync(database);
        foreach (var type in TransferCatalogue.All)
        {
            await scenario.AddRowsAsync(type, sourceRows: 0);
        }

        await using var db = scenario.CreateDbContext();
        var targetBefore = await new TransferableDataCounts(db).ForUserAsync(scenario.Target);

        var result = await new TransferEngine(db).TransferAsync(scenario.Source, scenario.Target);

        var targetAfter = await new TransferableDataCounts(db).ForUserAsync(scenario.Target);
        Assert.Equal(0, result.RowsMoved);
        foreach (var (before, after) in targetBefore.Zip(targetAfter))
        {
            Assert.Equal(before.Type.Mode == TransferMode.Combine ? before.Rows : 0, after.Rows);
        }
    }

    [Fact]
    public async Task Transferring_a_user_to_itself_is_refused_before_anything_is_deleted()
    {
        var scenario = await TransferScenario.CreateAsync(database);
        await scenario.AddRowsOfEveryTypeAsync();
        await using var db = scenario.CreateDbContext();
        var snapshot = await TableContents.SnapshotAsync(db);

        await Assert.ThrowsAsync<ArgumentException>(() => new TransferEngine(db).TransferAsync(scenario.Source, scenario.Source));

        Assert.Equal(snapshot, await TableContents.SnapshotAsync(db));
    }

    private static TheoryData<string> Keys(TransferMode mode) =>
        [.. TransferCatalogue.All.Where(t => t.Mode == mode).Select(t => t.Key)];

    private async Task<(TransferableDataType Type, TransferScenario Scenario)> ArrangeAsync(string key)
    {
        var type = TransferCatalogue.Find(key)!;
        var scenario = await TransferScenario.CreateAsync(database);
        await scenario.AddRowsAsync(type);
        return (type, scenario);
    }

    private static async Task<PairTransferResult> TransferAsync(TransferScenario scenario)
    {
        await using var db = scenario.CreateDbContext();
        return await new TransferEngine(db).TransferAsync(scenario.Source, scenario.Target);
    }

    private static async Task<Ownership> OwnershipAsync(TransferScenario scenario, TransferableDataType type)
    {
        await using var db = scenario.CreateDbContext();
        async Task<Dictionary<string, HashSet<long>>> ByColumn(int userId)
        {
            var ids = new Dictionary<string, HashSet<long>>();
            foreach (var column in type.UserColumns)
            {
                ids[column] = await TableContents.IdsAsync(db, type, column, userId);
            }

            return ids;
        }

        return new Ownership(await ByColumn(scenario.Source), await ByColumn(scenario.Target), await ByColumn(scenario.Bystander), await TableContents.CountAsync(db, type));
    }

    private sealed record Ownership(
        Dictionary<string, HashSet<long>> Source, Dictionary<string, HashSet<long>> Target, Dictionary<string, HashSet<long>> Bystander, long Total)
    {
        public int SourceColumnRows => Source.Values.Sum(ids => ids.Count);

        public int TargetRows => Target.Values.SelectMany(ids => ids).Distinct().Count();
    }

    private sealed record Figures(int Moved, int Deleted)
    {
        public static Figures Of(IEnumerable<DataTypeCounts> counts, TransferableDataType type)
        {
            var count = counts.Single(c => c.Type == type);
            return new Figures(count.RowsMoved, count.TargetRowsDeleted);
        }

        public static List<(string, int, int)> All(IEnumerable<DataTypeCounts> counts) =>
            counts.Select(c => (c.Type.Key, c.RowsMoved, c.TargetRowsDeleted)).ToList();
    }
}

/// <summary><see cref="TransferEngineScenarios"/> on a SQLite file.</summary>
public sealed class TransferEngineTests(TestDatabase database) : TransferEngineScenarios(database), IClassFixture<TestDatabase>;

/// <summary><see cref="TransferEngineScenarios"/> on PostgreSQL (ADR-0011).</summary>
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlTransferEngineTests(PostgreSqlTestDatabase database) : TransferEngineScenarios(database), IClassFixture<PostgreSqlTestDatabase>;
