using UserAdmin.Core.Persistence;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.Transfers;

namespace UserAdmin.Tests.Persistence;

/// <summary>
/// ADR-0015 (amended): a look-up by keys sends every key in one parameter on SQLite (a JSON array) and PostgreSQL
/// (an array), and IN lists of 1,000 on SQL Server. Whatever the number of keys, the kind of key and the text in
/// it, the rows returned are exactly those whose key was asked for: every count around the list size, keys that
/// no row holds, keys asked for twice, and text that JSON must escape.
/// </summary>
public abstract class FastReadScenarios(TestDatabase database)
{
    private const int Users = 2_500;

    // Logins as a spreadsheet or another system may leave them: quotes, backslashes, accents, other scripts, emoji.
    private static readonly string[] AwkwardParts = ["o'brien", "say \"hi\"", "back\\slash", "zoë", "日本語", "emoji😀", "tab\tin", "plain"];

    // xunit makes an instance per test; the users are made once per database (the class fixture).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TestDatabase, Lazy<Task<List<(int Id, string NormalizedLogin)>>>> Seeded = [];

    public static TheoryData<int, bool> Cases()
    {
        var cases = new TheoryData<int, bool>();
        foreach (var count in new[] { 0, 1, 999, 1000, 1001, Users })
        {
            cases.Add(count, false);
            cases.Add(count, true);
        }

        return cases;
    }

    [Theory, MemberData(nameof(Cases))] // R-IMP-11: the import's look-ups of a chunk's users, ADR-0015
    public async Task A_look_up_by_keys_returns_exactly_the_rows_asked_for(int count, bool byLogin)
    {
        var seeded = await SeedAsync();
        var asked = seeded.Take(count).ToList();
        await using var db = database.CreateDbContext();

        List<(int Id, string? Login)> found;
        if (byLogin)
        {
            // Keys no row holds, and a key asked for twice, change nothing.
            var keys = asked.Select(u => u.NormalizedLogin).Concat(["NOBODY'S \"LOGIN\"", "ÅNGSTRÖM"]).Concat(asked.Take(1).Select(u => u.NormalizedLogin)).ToList();
            found = await FastReads.WithKeysAsync<User, string, (int, string?)>(db, nameof(User.NormalizedLogin), keys, [nameof(User.Id), nameof(User.NormalizedLogin)], r => (r.IntegerAt(0), r.TextAt(1)));
        }
        else
        {
            var keys = asked.Select(u => u.Id).Concat([-1, int.MaxValue]).Concat(asked.Take(1).Select(u => u.Id)).ToList();
            found = await FastReads.WithKeysAsync<User, (int, string?)>(db, nameof(User.Id), keys, [nameof(User.Id), nameof(User.NormalizedLogin)], r => (r.IntegerAt(0), r.TextAt(1)));
        }

        Assert.Equal(asked.Select(u => (u.Id, (string?)u.NormalizedLogin)).Order(), found.Order());
    }

    private Task<List<(int Id, string NormalizedLogin)>> SeedAsync() =>
        Seeded.GetValue(database, d => new Lazy<Task<List<(int, string)>>>(() => SeedAsync(d))).Value;

    private static async Task<List<(int Id, string NormalizedLogin)>> SeedAsync(TestDatabase database)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var users = Enumerable.Range(0, Users).Select(i =>
        {
            var user = TransferScenario.NewUser("Fast" + i, "Reader");
            user.Login = $"{AwkwardParts[i % AwkwardParts.Length]}-{run}-{i}";
            return user;
        }).ToList();
        await using var db = database.CreateDbContext();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return users.ConvertAll(u => (u.Id, u.NormalizedLogin!));
    }
}

public sealed class FastReadTests(TestDatabase database) : FastReadScenarios(database), IClassFixture<TestDatabase>;

[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlFastReadTests(PostgreSqlTestDatabase database) : FastReadScenarios(database), IClassFixture<PostgreSqlTestDatabase>;
