namespace UserAdmin.Core.Users;

/// <summary>
/// What the signed-in user may do and see, read fresh from the database on each request so that a
/// change of roles or scope takes effect at once.
/// </summary>
public sealed record AdministratorProfile(
    int UserId,
    string DisplayName,
    Permissions Permissions,
    bool IsTenantAdministrator,
    bool FullScope,
    IReadOnlyList<int> RoleIds,
    IReadOnlyList<int> ScopeTeamIds,
    IReadOnlyList<int> ScopeGroupIds)
{
    /// <summary>R-SEC-2: tenant administrators and users with Full Scope see everyone.</summary>
    public bool SeesEveryone => IsTenantAdministrator || FullScope;

    /// <summary>R-UX-1: false for a user whose roles grant nothing (an agent), who is told so on the home page.</summary>
    public bool HasAdministrativePermissions => IsTenantAdministrator || Permissions != Permissions.None;

    /// <summary>R-SEC-7: the user's current security stamp; a session issued with another one has ended.</summary>
    public Guid SecurityStamp { get; init; }

    public bool Has(Permissions permission) => (Permissions & permission) == permission;
}
