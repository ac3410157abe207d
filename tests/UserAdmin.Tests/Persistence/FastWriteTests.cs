using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.Transfers;

namespace UserAdmin.Tests.Persistence;

/// <summary>
/// ADR-0011: the import and the demo tenant write through <see cref="FastWrites"/>, one way per provider;
/// whatever the way, rows must be stored exactly as SaveChanges stores them, and an update must report
/// exactly the rows whose key (the preview's version) no longer matched.
/// </summary>
public abstract class FastWriteScenarios(TestDatabase database)
{
    public static TheoryData<string> EveryType => [.. TransferCatalogue.All.Select(t => t.Key)];

    [Theory, MemberData(nameof(EveryType))] // DESIGN 2.3 (every catalogue type), ADR-0011
    public async Task A_row_written_by_the_fast_path_is_stored_like_one_written_by_SaveChanges(string key)
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
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await SampleRows.WriteAsync(db, type, [SampleRows.Create(type, others, 7, scenario.Parents)]);
                await transaction.CommitAsync();
            });
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

    [Fact] // R-IMP-8: the import's version check, in every provider's fast path
    public async Task An_update_writes_the_rows_whose_key_matches_and_reports_the_positions_of_the_others()
    {
        var users = Enumerable.Range(0, 5).Select(i => TransferScenario.NewUser("Fast" + i, "Writer")).ToList();
        await using (var db = database.CreateDbContext())
        {
            db.Users.AddRange(users);
            await db.SaveChangesAsync();
        }

        // Rows 1 and 3 carry a version that is no longer the stored one, as after someone else's edit.
        var changes = users.Select((u, i) => (
            Values: new User { FirstName = "Renamed" + i, Version = Guid.NewGuid(), Deactivated = new NodaTime.LocalDate(2027, 1, i + 1) },
            Key: new User { Id = u.Id, Version = i is 1 or 3 ? Guid.NewGuid() : u.Version })).ToList();
        IReadOnlyList<int> missed = [];
        await using (var db = database.CreateDbContext())
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                missed = await FastWrites.UpdateAsync(db, [nameof(User.FirstName), nameof(User.Version), nameof(User.Deactivated)], [nameof(User.Id), nameof(User.Version)], changes);
                await transaction.CommitAsync();
            });
        }

        Assert.Equal([1, 3], missed);
        await using var after = database.CreateDbContext();
        var stored = await after.Users.AsNoTracking().Where(u => u.LastName == "Writer").ToDictionaryAsync(u => u.Id);
        for (var i = 0; i < users.Count; i++)
        {
            var user = stored[users[i].Id];
            var written = i is not (1 or 3);
            Assert.Equal(written ? ("Renamed" + i, changes[i].Values.Version, changes[i].Values.Deactivated) : (users[i].FirstName, users[i].Version, null), (user.FirstName, user.Version, user.Deactivated));
        }
    }

    [Fact] // ADR-0011: link rows removed by an import, by their composite key
    public async Task A_delete_removes_exactly_the_rows_with_the_given_keys()
    {
        var scenario = await TransferScenario.CreateAsync(database);
        await using var db = database.CreateDbContext();
        var newRoles = new[] { new Role { Name = "Fast A " + Guid.NewGuid().ToString("N") }, new Role { Name = "Fast B " + Guid.NewGuid().ToString("N") } };
        db.Roles.AddRange(newRoles);
        await db.SaveChangesAsync();
        var roles = newRoles.Select(r => r.Id).ToList();

        var links = new[] { scenario.Source, scenario.Target }.SelectMany(u => roles.Select(r => new UserRole { UserId = u, RoleId = r })).ToList();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await FastWrites.InsertAsync(db, links);
            await FastWrites.DeleteAsync(db, [nameof(UserRole.UserId), nameof(UserRole.RoleId)], [links[0], links[3]]);
            await transaction.CommitAsync();
        });

        var left = await db.UserRoles.AsNoTracking().Where(l => l.UserId == scenario.Source || l.UserId == scenario.Target).Select(l => new { l.UserId, l.RoleId }).ToListAsync();
        Assert.Equal(
            new[] { links[1], links[2] }.Select(l => (l.UserId, l.RoleId)).Order(),
            left.Select(l => (l.UserId, l.RoleId)).Order());
    }

    private static string WithoutIdAndUsers(string row, TransferScenario scenario)
    {
        var values = row.Split('|').Skip(1).Select(v => v == scenario.Source.ToString(System.Globalization.CultureInfo.InvariantCulture) || v == scenario.Target.ToString(System.Globalization.CultureInfo.InvariantCulture) ? "user" : v);
        return string.Join("|", values);
    }
}

/// <summary><see cref="FastWriteScenarios"/> on SQLite: prepared statements.</summary>
public sealed class FastWriteTests(TestDatabase database) : FastWriteScenarios(database), IClassFixture<TestDatabase>;

/// <summary><see cref="FastWriteScenarios"/> on PostgreSQL: binary COPY and set-based statements.</summary>
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlFastWriteTests(PostgreSqlTestDatabase database) : FastWriteScenarios(database), IClassFixture<PostgreSqlTestDatabase>;
