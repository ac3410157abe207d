using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using UserAdmin.Core.DemoData;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Users;

namespace UserAdmin.Benchmarks;

/// <summary>
/// A deterministic tenant for the benchmarks: the demo tenant's teams, groups, QM views and roles, a
/// tenant administrator (user 1) and any number of agents. Agents are written with
/// <see cref="FastWrites"/> (the demo data's fast path): seeding is not what we measure.
/// </summary>
internal static class BenchmarkTenant
{
    public const int AdministratorId = 1;
    public const int RandomSeed = 20261125;

    private static readonly (string Team, string Group)[] TeamsAndGroups =
    [
        ("Alpha", "North"), ("Bravo", "North"), ("Charlie", "South"), ("Delta", "South"), ("Echo", "Central"), ("Foxtrot", "Central"),
    ];

    private static readonly string[] QmViewNames = ["All Calls", "Sales Calls", "Support Calls", "Escalations"];

    /// <summary>
    /// Migrates a new database file and seeds the administrator and <paramref name="agents"/> agents,
    /// numbered 2 to agents + 1 in insertion order.
    /// </summary>
    public static async Task CreateAsync(IServiceProvider services, int agents)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UserAdminDbContext>();
        await db.Database.MigrateAsync();

        var groups = TeamsAndGroups.Select(t => t.Group).Distinct().Select(name => new Group { Name = name }).ToList();
        var teams = TeamsAndGroups.Select(t => new Team { Name = t.Team, Group = groups.Single(g => g.Name == t.Group) }).ToList();
        var qmViews = QmViewNames.Select(name => new QmView { Name = name }).ToList();
        var administratorRole = new Role { Name = AdministratorBootstrap.TenantAdministratorRoleName, Permissions = Permissions.All, IsTenantAdministrator = true };
        var agent = new Role { Name = DemoTenant.AgentRoleName };
        var roles = new[] { administratorRole, agent, new Role { Name = DemoTenant.SupervisorRoleName, Permissions = Permissions.ExportUsers | Permissions.TransferUserData }, new Role { Name = "Team Lead" } };
        var administrator = new User { Email = "admin@useradmin.bench", FirstName = "Tenant", LastName = "Administrator", Login = "admin", FullScope = true };
        administrator.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>().HashPassword(administrator, "Benchmark-Password-1!");
        administrator.Roles.Add(administratorRole);
        db.AddRange(groups);
        db.AddRange(teams);
        db.AddRange(qmViews);
        db.AddRange(roles);
        db.Users.Add(administrator);
        await db.SaveChangesAsync();
        if (administrator.Id != AdministratorId)
        {
            throw new InvalidOperationException("The benchmark database must start empty.");
        }

        var today = scope.ServiceProvider.GetRequiredService<TenantClock>().Today;
        var random = new Random(RandomSeed);
        var users = Enumerable.Range(0, agents).Select(index => Agent(index, random, today, teams)).ToList();
        var links = new List<UserRole>(agents);
        var views = new List<UserQmView>();
        var skills = new List<SkillMapping>();
        for (var index = 0; index < agents; index++)
        {
            var id = AdministratorId + 1 + index;
            links.Add(new UserRole { UserId = id, RoleId = agent.Id });
            views.AddRange(qmViews.Where(_ => random.Next(4) == 0).Select(v => new UserQmView { UserId = id, QmViewId = v.Id }));
            var priority = 0;
            skills.AddRange(DemoNames.Skills.Where((_, i) => i == index % DemoNames.Skills.Length || random.Next(4) == 0)
                .Select(skill => new SkillMapping { UserId = id, SkillName = skill, Priority = ++priority }));
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await FastWrites.InsertAsync(db, users);
        await FastWrites.InsertAsync(db, links);
        await FastWrites.InsertAsync(db, views);
        await FastWrites.InsertAsync(db, skills);
        await transaction.CommitAsync();

        // Prepared inserts read no keys back: the links above assume ids in insertion order.
        var lastId = await db.Users.MaxAsync(u => u.Id);
        if (lastId != AdministratorId + agents)
        {
            throw new InvalidOperationException($"Expected agents numbered up to {AdministratorId + agents}, found {lastId}.");
        }
    }

    /// <summary>The id of the <paramref name="index"/>th agent (from 0).</summary>
    public static int AgentId(int index) => AdministratorId + 1 + index;

    private static User Agent(int index, Random random, LocalDate today, List<Team> teams)
    {
        var number = (index + 1).ToString(CultureInfo.InvariantCulture);
        var team = teams[random.Next(teams.Count)];
        var started = today.PlusDays(-random.Next(60, 3650));
        var user = new User
        {
            FirstName = Pick(random, DemoNames.FirstNames),
            LastName = Pick(random, DemoNames.LastNames),
            Email = $"agent.{number}@example.com",
            Login = "agent" + number,
            EmployeeId = (index + 1).ToString("D6", CultureInfo.InvariantCulture),
            AcdId = (5000 + index).ToString(CultureInfo.InvariantCulture),
            AcdServerId = random.Next(2) == 0 ? "ACD-EAST" : "ACD-WEST",
            CompanyStartDate = started,
            DepartmentStartDate = started.PlusDays(random.Next(0, 60)),
            Activated = started,
            DisplayTimeZone = Pick(random, DemoNames.TimeZones),
            SchedulingTimeZone = Pick(random, DemoNames.TimeZones),
            EnableScheduling = random.Next(4) != 0,
            Locale = Pick(random, DemoNames.Locales),
            Rank = random.Next(0, 10),
            TeamId = team.Id,
            MemberGroupId = team.GroupId,
            MaxStaffingGroupId = random.Next(3) == 0 ? team.GroupId : null,
            ScheduleReleaseProfile = Pick(random, DemoNames.ScheduleReleaseProfiles),
            WorkConditionProfile = Pick(random, DemoNames.WorkConditionProfiles),
            Version = DeterministicGuid(random),
        };
        if (random.Next(20) == 0)
        {
            user.Deactivated = today.PlusDays(-random.Next(1, 60));
            user.CompanyEndDate = user.Deactivated;
        }

        return user;
    }

    private static Guid DeterministicGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
