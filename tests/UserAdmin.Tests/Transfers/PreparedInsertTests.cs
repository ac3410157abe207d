using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Transfers;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Transfers;

/// <summary>The demo tenant writes transferable rows with prepared inserts; they must be stored exactly as SaveChanges stores them.</summary>
public sealed class PreparedInsertTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    public static TheoryData<string> EveryType => [.. TransferCatalogue.All.Select(t => t.Key)];

    [Theory, MemberData(nameof(EveryType))]
    public async Task A_row_written_by_a_prepared_insert_is_stored_like_one_written_by_SaveChanges(string key)
    {
        var type = TransferCatalogue.Find(key)!;
        var scenario = await TransferScenario.CreateAsync(database);
        var users = Enumerable.Repeat(scenario.Source, type.UserColumns.Count).ToArray();
        await using (var db = scenario.CreateDbContext())
        {
            db.Add(SampleRows.Create(type, users, 7, scenario.Parents));
            await db.SaveChangesAsync();
        }

        await using (var db = scenario.CreateDbContext())
        {
            var others = Enumerable.Repeat(scenario.Target, type.UserColumns.Count).ToArray();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await SampleRows.WriteAsync(db, type, [SampleRows.Create(type, others, 7, scenario.Parents)]);
            await transaction.CommitAsync();
        }

        await using (var db = scenario.CreateDbContext())
        {
            var rows = (await TableContents.SnapshotAsync(db))
                .Where(row => row.StartsWith($"{key}: ", StringComparison.Ordinal))
                .Select(row => WithoutIdAndUsers(row, scenario))
                .TakeLast(2)
                .ToList();

            Assert.Equal(rows[0], rows[1]);
        }
    }

    private static string WithoutIdAndUsers(string row, TransferScenario scenario)
    {
        var values = row.Split('|').Skip(1).Select(v => v == scenario.Source.ToString(System.Globalization.CultureInfo.InvariantCulture) || v == scenario.Target.ToString(System.Globalization.CultureInfo.InvariantCulture) ? "user" : v);
        return string.Join("|", values);
    }
}
