using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.People;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Persistence;

/// <summary>
/// ADR-0018: on SQLite the export's pages are read by <see cref="SqliteReads"/> instead of the provider's data
/// reader; on a real SQLite file both must give the page mapping the same values for awkward data.
/// </summary>
public sealed class SqliteReadsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly string Long = string.Concat(Enumerable.Repeat("Ünïcödé 😀 \"quoted\", long; ", 4000));

    [Fact] // R-EXP-1, R-EXP-5: people.csv's columns read alike by both readers
    public async Task The_sqlite_reader_reads_users_as_the_data_reader_does()
    {
        var (first, last) = await AddAwkwardUsersAsync();
        await using var db = database.CreateDbContext();

        var (native, generic) = await ReadBothAsync(db, "Users", StoredUser.Properties.Select(p => Column<User>(db, p)), first, last, StoredUser.Read);

        Assert.Equal(5, native.Count);
        Assert.Equal(generic, native);
        Assert.Contains(native, u => u.FirstName == Long && u.Activated == new DateOnly(2024, 2, 29) && u.Rank == int.MinValue);
        Assert.Contains(native, u => u.Login is null && u.Activated is null && u.Rank is null && u.TeamId is null);
    }

    [Fact] // R-EXP-1: list-valued fields (skills) read alike, a user without skills has no rows in either
    public async Task The_sqlite_reader_reads_skill_names_as_the_data_reader_does()
    {
        var (first, last) = await AddAwkwardUsersAsync();
        await using var db = database.CreateDbContext();

        var (native, generic) = await ReadBothAsync(
            db, "SkillMappings", [Column<SkillMapping>(db, nameof(SkillMapping.UserId)), Column<SkillMapping>(db, nameof(SkillMapping.SkillName))], first, last, r => (r.IntegerAt(0), r.RequiredTextAt(1)));

        Assert.Equal(generic, native);
        Assert.Equal(["a,\"b\"\r\nc", "Ünïcödé 😀", Long], native.Select(s => s.Item2).Order(StringComparer.Ordinal));
        Assert.Single(native.Select(s => s.Item1).Distinct());
    }

    private async Task<(int First, int Last)> AddAwkwardUsersAsync()
    {
        await using var db = database.CreateDbContext();
        var team = new Team { Name = $"Tëam \"A\" {Guid.NewGuid():N}", Group = new Group { Name = $"Grüppe, {Guid.NewGuid():N}" } };
        var users = new[]
        {
            new User
            {
                FirstName = Long, LastName = "O'Brien \"Jr\"", Email = $"long.{Guid.NewGuid():N}@example.com", Login = $"=cmd|' /C calc'!A0 {Guid.NewGuid():N}",
                EmployeeId = " padded ", AcdId = "", AcdServerId = "a\r\nb", Activated = new LocalDate(2024, 2, 29), Deactivated = new LocalDate(1, 1, 1),
                CompanyStartDate = new LocalDate(9999, 12, 31), CompanyEndDate = new LocalDate(2000, 1, 1), DepartmentStartDate = new LocalDate(1970, 6, 15),
                DisplayTimeZone = "Europe/Zürich", SchedulingTimeZone = "Asia/東京", EnableScheduling = true, FullScope = true, Locale = "de-CH", Rank = int.MinValue,
                Team = team, MemberGroup = team.Group, MaxStaffingGroup = team.Group, ScheduleReleaseProfile = "日本語", WorkConditionProfile = "😀",
                SkillMappings = [new SkillMapping { SkillName = "Ünïcödé 😀" }, new SkillMapping { SkillName = "a,\"b\"\r\nc", Priority = 1 }, new SkillMapping { SkillName = Long, Priority = 2 }],
            },
            new User { FirstName = "Null", LastName = "Everywhere", Email = $"null.{Guid.NewGuid():N}@example.com" },
            new User { FirstName = "", LastName = " ", Email = $"empty.{Guid.NewGuid():N}@example.com", Rank = int.MaxValue, Locale = "\u0000x" },
            new User { FirstName = "Zoë", LastName = "Ångström", Email = $"zoe.{Guid.NewGuid():N}@example.com", Rank = 0, EnableScheduling = true },
            new User { FirstName = "\"\"", LastName = ",", Email = $"quotes.{Guid.NewGuid():N}@example.com", FullScope = true, Activated = new LocalDate(2026, 12, 31) },
        };
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return (users.Min(u => u.Id), users.Max(u => u.Id));
    }

    private static string Column<TEntity>(UserAdminDbContext db, string property) => TableShape.Of<TEntity>(db).Columns([property])[0].Name;

    private static async Task<(List<T> Native, List<T> Generic)> ReadBothAsync<T>(
        UserAdminDbContext db, string table, IEnumerable<string> columns, int first, int last, Func<ReadRow, T> read)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns)} FROM \"{table}\" WHERE \"UserId\" >= @first AND \"UserId\" <= @last ORDER BY 1";
        if (table == "Users")
        {
            command.CommandText = command.CommandText.Replace("\"UserId\"", "\"Id\"", StringComparison.Ordinal);
        }

        Add(command, "@first", first);
        Add(command, "@last", last);
        var native = new List<T>();
        SqliteReads.Read(command, read, native);
        var generic = new List<T>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            var row = new DataReaderRow(reader);
            while (await reader.ReadAsync())
            {
                generic.Add(read(row));
            }
        }

        return (native, generic);
    }

    private static void Add(DbCommand command, string name, int value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
