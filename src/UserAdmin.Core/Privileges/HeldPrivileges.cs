using UserAdmin.Core.Users;

namespace UserAdmin.Core.Privileges;

/// <summary>
/// What a user holds (R-SEC-5): the permissions of their roles and their view. Ordered by
/// <see cref="Covers"/>, the privilege lattice: a tenant administrator covers everyone; anyone else
/// covers a user whose permissions are a subset of theirs and whose view is inside theirs.
/// </summary>
public sealed record HeldPrivileges(
    Permissions Permissions,
    bool IsTenantAdministrator,
    bool FullScope,
    IReadOnlySet<int> ScopeTeamIds,
    IReadOnlySet<int> ScopeGroupIds)
{
    public static HeldPrivileges Of(AdministratorProfile administrator)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        return new HeldPrivileges(
            administrator.Permissions,
            administrator.IsTenantAdministrator,
            administrator.FullScope,
            administrator.ScopeTeamIds.ToHashSet(),
            administrator.ScopeGroupIds.ToHashSet());
    }

    /// <summary>The permissions of <paramref name="wanted"/> this user does not hold (none for a tenant administrator).</summary>
    public Permissions Lacking(Permissions wanted) => IsTenantAdministrator ? Permissions.None : wanted & ~Permissions;

    public bool HoldsPermissions(Permissions wanted) => Lacking(wanted) == Permissions.None;

    public bool HoldsFullScope => IsTenantAdministrator || FullScope;

    /// <summary>
    /// A scope team is inside this view only when it is one of this user's own Scope Teams (or the view is
    /// everyone): a team's users may belong to any member group, so a scope group does not cover a team.
    /// </summary>
    public bool HoldsScopeTeam(int teamId) => HoldsFullScope || ScopeTeamIds.Contains(teamId);

    public bool HoldsScopeGroup(int groupId) => HoldsFullScope || ScopeGroupIds.Contains(groupId);

    /// <summary>The lattice order: this user holds every permission and every part of the view that <paramref name="other"/> holds.</summary>
    public bool Covers(HeldPrivileges other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return IsTenantAdministrator
            || (!other.IsTenantAdministrator
                && HoldsPermissions(other.Permissions)
                && (!other.FullScope || HoldsFullScope)
                && other.ScopeTeamIds.All(HoldsScopeTeam)
                && other.ScopeGroupIds.All(HoldsScopeGroup));
    }
}
