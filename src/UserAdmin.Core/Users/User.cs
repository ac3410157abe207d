using NodaTime;

namespace UserAdmin.Core.Users;

/// <summary>One person of the tenant: one row of people.csv (DESIGN 2.1).</summary>
public class User
{
    private string _email = "";
    private string? _login;

    public int Id { get; set; }

    public string Email
    {
        get => _email;
        set
        {
            _email = value;
            NormalizedEmail = NormalizeKey(value);
        }
    }

    /// <summary>Upper-cased email: the unique index makes Email unique ignoring case on every provider.</summary>
    public string NormalizedEmail { get; private set; } = "";

    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";

    public string? Login
    {
        get => _login;
        set
        {
            _login = value;
            NormalizedLogin = value is null ? null : NormalizeKey(value);
        }
    }

    public string? NormalizedLogin { get; private set; }

    public string? EmployeeId { get; set; }
    public string? AcdId { get; set; }
    public string? AcdServerId { get; set; }
    public LocalDate? Activated { get; set; }
    public LocalDate? Deactivated { get; set; }
    public LocalDate? CompanyStartDate { get; set; }
    public LocalDate? CompanyEndDate { get; set; }
    public LocalDate? DepartmentStartDate { get; set; }
    public string? DisplayTimeZone { get; set; }
    public string? SchedulingTimeZone { get; set; }
    public bool EnableScheduling { get; set; }
    public bool FullScope { get; set; }
    public string? Locale { get; set; }
    public int? Rank { get; set; }

    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    public int? MemberGroupId { get; set; }
    public Group? MemberGroup { get; set; }
    public int? MaxStaffingGroupId { get; set; }
    public Group? MaxStaffingGroup { get; set; }

    public string? ScheduleReleaseProfile { get; set; }
    public string? WorkConditionProfile { get; set; }

    public List<Role> Roles { get; set; } = [];
    public List<Team> ScopeTeams { get; set; } = [];
    public List<Group> ScopeGroups { get; set; } = [];
    public List<QmView> QmViews { get; set; } = [];
    public List<SkillMapping> SkillMappings { get; set; } = [];

    /// <summary>Hash written by ASP.NET Core's PasswordHasher; null for users who cannot sign in.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>
    /// R-SEC-7: renewed on sign-out and on any change of roles, scope, email, login, password or activation; a
    /// session cookie carries the stamp it was issued with and ends when the stamp no longer matches.
    /// </summary>
    public Guid SecurityStamp { get; set; } = Guid.NewGuid();

    /// <summary>The last successful sign-in; null for a user who never signed in (R-UNDO-2 deletes only those).</summary>
    public Instant? LastSignedInAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every change of the row.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public string DisplayName => $"{FirstName} {LastName}";

    public bool IsActiveOn(LocalDate today) => Activity.IsActive(Deactivated, today);

    public static string NormalizeKey(string value) => value.Trim().ToUpperInvariant();
}
