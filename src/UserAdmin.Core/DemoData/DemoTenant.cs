using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.DemoData;

/// <summary>A demo sign-in printed at start-up beside the administrator's.</summary>
public sealed record DemoSignIn(string Role, string Email, string Login);

/// <summary>
/// Seeds an empty database with a deterministic demo tenant (fixed random seed): teams, groups,
/// QM views, roles and <c>DemoData:Users</c> users, each owning rows of every transferable data
/// type. Users 19–22 are the seed document's own example (John Smith, James Anderson, Jenny
/// Andrews, Sam Rodgers) when the administrator is user 1.
/// </summary>
public sealed class DemoTenant(UserAdminDbContext db, IPasswordHasher<User> hasher, TenantClock clock)
{
    public const int RandomSeed = 20261124;
    public const string SupervisorEmail = "maria.lopez@example.com";
    public const string QmAdministratorEmail = "kenji.tanaka@example.com";
    public const string AgentEmail = "alex.morgan@example.com";
    public const string SecondSupervisorEmail = "priya.shah@example.com";
    public const string SupervisorRoleName = "Supervisor";
    public const string QmAdministratorRoleName = "QM Administrator";
    public const string AgentRoleName = "Agent";
    public static readonly string[] SupervisorScopeTeams = ["Alpha", "Bravo"];

    /// <summary>A second supervisor with the same role over other teams: a peer who must not reach into Maria's view.</summary>
    public static readonly string[] SecondSupervisorScopeTeams = ["Charlie", "Delta"];

    private static readonly (string Team, string Group)[] TeamsAndGroups =
    [
        ("Alpha", "North"), ("Bravo", "North"), ("Charlie", "South"), ("Delta", "South"), ("Echo", "Central"), ("Foxtrot", "Central"),
    ];

    private static readonly string[] QmViewNames = ["All Calls", "Sales Calls", "Support Calls", "Escalations"];

    private static readonly (int Index, string First, string Last, string? Login)[] SeedExample =
    [
        (17, "John", "Smith", null), (18, "James", "Anderson", null), (19, "Jenny", "Andrews", null), (20, "Sam", "Rodgers", "simagent4rnd.ld"),
    ];

    public static IReadOnlyList<DemoSignIn> SignIns { get; } =
    [
        new(SupervisorRoleName, SupervisorEmail, "mlopez"),
        new(QmAdministratorRoleName, QmAdministratorEmail, "ktanaka"),
        new(AgentRoleName, AgentEmail, "amorgan"),
        new(SupervisorRoleName, SecondSupervisorEmail, "pshah"),
    ];

    /// <summary>Seeds when the tenant has no users but its administrator; returns false when there was nothing to do.</summary>
    public async Task<bool> SeedAsync(int userCount, string signInPassword, CancellationToken cancellationToken = default)
    {
        if (userCount <= 0 || await db.Users.CountAsync(cancellationToken).ConfigureAwait(false) > 1)
        {
            return false;
        }

        var random = new Random(RandomSeed);
        var groups = TeamsAndGroups.Select(t => t.Group).Distinct().Select(name => new Group { Name = name }).ToList();
        var teams = TeamsAndGroups.Select(t => new Team { Name = t.Team, Group = groups.Single(g => g.Name == t.Group) }).ToList();
        var qmViews = QmViewNames.Select(name => new QmView { Name = name }).ToList();
        var supervisor = new Role { Name = SupervisorRoleName, Permissions = Permissions.AssignUserRoles | Permissions.ExportUsers | Permissions.TransferUserData };
        var qmAdministrator = new Role { Name = QmAdministratorRoleName, Permissions = Permissions.AssignUserRoles | Permissions.EditQmViews | Permissions.ExportUsers };
        var agent = new Role { Name = AgentRoleName };
        var teamLead = new Role { Name = "Team Lead", Permissions = Permissions.ExportUsers };
        db.AddRange(groups);
        db.AddRange(teams);
        db.AddRange(qmViews);
        db.AddRange(supervisor, qmAdministrator, agent, teamLead);

        var today = clock.Today;
        var users = new List<User>(userCount);
        for (var index = 0; index < userCount; index++)
        {
            users.Add(CreateUser(index, random, today, teams, qmViews, agent));
        }

        MakeSignIn(users, 0, supervisor, signInPassword, "mlopez", ("Maria", "Lopez"));
        users[0].ScopeTeams.AddRange(teams.Where(t => SupervisorScopeTeams.Contains(t.Name)));
        MakeSignIn(users, 1, qmAdministrator, signInPassword, "ktanaka", ("Kenji", "Tanaka"));
        users[1].FullScope = true;
        MakeSignIn(users, 2, agent, signInPassword, "amorgan", ("Alex", "Morgan"));
        MakeSignIn(users, 3, supervisor, signInPassword, "pshah", ("Priya", "Shah"));
        if (users.Count > 3)
        {
            users[3].ScopeTeams.AddRange(teams.Where(t => SecondSupervisorScopeTeams.Contains(t.Name)));

            // In her own view, as a supervisor of her teams is: her own row is hers to export.
            users[3].Team = teams.Single(t => t.Name == SecondSupervisorScopeTeams[0]);
            users[3].MemberGroup = users[3].Team!.Group;
        }

        foreach (var (index, first, last, login) in SeedExample.Where(e => e.Index < userCount))
        {
            Rename(users[index], first, last, login);
            // The seed's walkthrough transfers between these people: they are current employees.
            users[index].Deactivated = null;
            users[index].CompanyEndDate = null;
        }

        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Users.AddRange(users);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            // A random of its own, so that the users stay as they were before transferable data existed.
            var data = new DemoTransferableData(users, today, clock.Now, new Random(RandomSeed + 1), new Random(RandomSeed + 2));
            await data.WriteAsync(db, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }

        return true;
    }

    private void MakeSignIn(List<User> users, int index, Role role, string password, string login, (string First, string Last) name)
    {
        if (index >= users.Count)
        {
            return;
        }

        var user = users[index];
        Rename(user, name.First, name.Last, login);
        user.Deactivated = null;
        user.Roles.Clear();
        user.Roles.Add(role);
        user.PasswordHash = hasher.HashPassword(user, password);
    }

    private static void Rename(User user, string first, string last, string? login)
    {
        user.FirstName = first;
        user.LastName = last;
        user.Email = $"{Ascii(first)}.{Ascii(last)}@example.com".ToLowerInvariant();
        user.Login = login ?? $"{Ascii(first)[0]}{Ascii(last)}".ToLowerInvariant();
    }

    private static User CreateUser(int index, Random random, LocalDate today, List<Team> teams, List<QmView> qmViews, Role agent)
    {
        var first = random.Pick(DemoNames.FirstNames);
        var last = random.Pick(DemoNames.LastNames);
        var team = teams[random.Next(teams.Count)];
        var started = today.PlusDays(-random.Next(60, 3650));
        var user = new User
        {
            FirstName = first,
            LastName = last,
            Email = $"{Ascii(first)}.{Ascii(last)}.{index + 1:D4}@example.com".ToLowerInvariant(),
            Login = $"{Ascii(first)[0]}{Ascii(last)}{index + 1}".ToLowerInvariant(),
            EmployeeId = (index + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
            AcdId = (5000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture),
            AcdServerId = random.Next(2) == 0 ? "ACD-EAST" : "ACD-WEST",
            CompanyStartDate = started,
            DepartmentStartDate = started.PlusDays(random.Next(0, 60)),
            Activated = started,
            DisplayTimeZone = random.Pick(DemoNames.TimeZones),
            SchedulingTimeZone = random.Pick(DemoNames.TimeZones),
            EnableScheduling = random.Next(4) != 0,
            Locale = random.Pick(DemoNames.Locales),
            Rank = random.Next(0, 10),
            Team = team,
            MemberGroup = team.Group,
            MaxStaffingGroup = random.Next(3) == 0 ? team.Group : null,
            ScheduleReleaseProfile = random.Pick(DemoNames.ScheduleReleaseProfiles),
            WorkConditionProfile = random.Pick(DemoNames.WorkConditionProfiles),
        };
        user.Roles.Add(agent);
        var lifecycle = random.Next(20);
        if (lifecycle < 2)
        {
            user.Deactivated = today.PlusDays(-random.Next(1, 400));
            user.CompanyEndDate = user.Deactivated;
        }
        else if (lifecycle == 2)
        {
            user.Deactivated = today.PlusDays(random.Next(10, 90));
        }

        user.QmViews.AddRange(qmViews.Where(_ => random.Next(4) == 0));
        var priority = 1;
        user.SkillMappings.AddRange(DemoNames.Skills.Where(_ => random.Next(3) == 0)
            .Select(skill => new SkillMapping { SkillName = skill, Priority = priority++ }));
        if (user.SkillMappings.Count == 0)
        {
            // Every demo user owns every transferable data type, skill mappings included.
            user.SkillMappings.Add(new SkillMapping { SkillName = DemoNames.Skills[index % DemoNames.Skills.Length], Priority = 1 });
        }

        return user;
    }

    private static string Ascii(string name)
    {
        var decomposed = name.Normalize(System.Text.NormalizationForm.FormD);
        var letters = decomposed.Where(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z').ToArray();
        var ascii = new string(letters);
        return ascii.Length > 0 ? ascii : "user";
    }
}
