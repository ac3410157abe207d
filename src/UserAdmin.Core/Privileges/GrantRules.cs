using UserAdmin.Core.People;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Privileges;

/// <summary>
/// R-SEC-5 (and the tenant-administrator part of R-SEC-3), in one place: may this administrator give
/// this user these roles and this view, and edit this user at all? Every import row, and anything
/// else that changes roles or scope, asks here. A refusal names the field and what the administrator lacks.
/// </summary>
/// <remarks>
/// No escalation through a second account follows from the lattice: an administrator gives only what
/// they hold, so whatever a second account receives is already the administrator's; and the second
/// account can never give the administrator more than that account holds, while an account holding
/// more than the administrator is out of the administrator's reach.
/// </remarks>
public sealed class GrantRules(AdministratorProfile administrator, PeopleReferenceData references)
{
    private readonly HeldPrivileges _held = HeldPrivileges.Of(administrator);

    /// <summary>What the user of <paramref name="grant"/> would hold.</summary>
    public HeldPrivileges HeldBy(PrivilegeGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var isTenantAdministrator = grant.RoleIds.Any(references.TenantAdministratorRoleIds.Contains);
        var permissions = grant.RoleIds.Aggregate(Permissions.None, (all, role) => all | references.RolePermissions.GetValueOrDefault(role));
        return new HeldPrivileges(permissions, isTenantAdministrator, grant.FullScope, grant.ScopeTeamIds.ToHashSet(), grant.ScopeGroupIds.ToHashSet());
    }

    /// <summary>
    /// The refusals of a change of user <paramref name="userId"/> (null for a new user) from <paramref name="before"/>
    /// (null for a new user) to <paramref name="after"/>; <paramref name="editsUser"/> says whether the change
    /// touches any field of the user at all (privileged or not). Empty when the change is allowed.
    /// </summary>
    public IReadOnlyList<GrantRefusal> Check(int? userId, PrivilegeGrant? before, PrivilegeGrant after, bool editsUser)
    {
        ArgumentNullException.ThrowIfNull(after);
        var from = before ?? PrivilegeGrant.None;
        if (userId == administrator.UserId)
        {
            return OwnPrivileges(from, after);
        }

        if (_held.IsTenantAdministrator)
        {
            return [];
        }

        if (before is not null && editsUser && UserHoldsMore(HeldBy(before)) is { Count: > 0 } wider)
        {
            return wider;
        }

        var refusals = new List<GrantRefusal>();
        foreach (var role in after.RoleIds.Except(from.RoleIds))
        {
            if (references.TenantAdministratorRoleIds.Contains(role))
            {
                refusals.Add(new GrantRefusal(PrivilegeField.Roles, GrantRefusalKind.TenantAdministratorOnly,
                    "Roles: only a tenant administrator can grant or remove a tenant-administrator role."));
            }
            else if (_held.Lacking(references.RolePermissions.GetValueOrDefault(role)) is var lacking and not Permissions.None)
            {
                refusals.Add(new GrantRefusal(PrivilegeField.Roles, GrantRefusalKind.NotHeld,
                    $"Roles: the role \"{references.Roles.NameOf(role)}\" has {PermissionNames.Phrase(lacking)}, which you do not have yourself, so you cannot give it."));
            }
        }

        if (after.FullScope && !from.FullScope && !_held.HoldsFullScope)
        {
            refusals.Add(new GrantRefusal(PrivilegeField.FullScope, GrantRefusalKind.NotHeld,
                "Full Scope: you do not have Full Scope yourself, so you cannot give it."));
        }

        refusals.AddRange(after.ScopeTeamIds.Except(from.ScopeTeamIds).Where(team => !_held.HoldsScopeTeam(team)).Select(team =>
            new GrantRefusal(PrivilegeField.ScopeTeams, GrantRefusalKind.NotHeld,
                $"Scope Teams: the team \"{references.Teams.NameOf(team)}\" is not one of your own Scope Teams, so you cannot give it.")));
        refusals.AddRange(after.ScopeGroupIds.Except(from.ScopeGroupIds).Where(group => !_held.HoldsScopeGroup(group)).Select(group =>
            new GrantRefusal(PrivilegeField.ScopeGroups, GrantRefusalKind.NotHeld,
                $"Scope Groups: the group \"{references.Groups.NameOf(group)}\" is not one of your own Scope Groups, so you cannot give it.")));
        return refusals;
    }

    private static List<GrantRefusal> OwnPrivileges(PrivilegeGrant before, PrivilegeGrant after) =>
        Enum.GetValues<PrivilegeField>()
            .Where(field => !before.SameAs(after, field))
            .Select(field => new GrantRefusal(field, GrantRefusalKind.OwnPrivileges,
                $"{Header(field)}: this row is your own user, and nobody changes their own {Header(field)} by import. Ask another administrator."))
            .ToList();

    private List<GrantRefusal> UserHoldsMore(HeldPrivileges user)
    {
        const string onlyTenantAdministrators = "so only a tenant administrator can edit or clear this user.";
        var refusals = new List<GrantRefusal>();
        if (_held.Covers(user))
        {
            return refusals;
        }

        if (user.IsTenantAdministrator)
        {
            refusals.Add(new GrantRefusal(PrivilegeField.Roles, GrantRefusalKind.TenantAdministratorOnly,
                "Roles: this user is a tenant administrator; only a tenant administrator can import changes to them."));
            return refusals;
        }

        if (_held.Lacking(user.Permissions) is var lacking and not Permissions.None)
        {
            refusals.Add(new GrantRefusal(PrivilegeField.Roles, GrantRefusalKind.UserHoldsMore,
                $"Roles: this user holds {PermissionNames.Phrase(lacking)}, which you do not have, {onlyTenantAdministrators}"));
        }

        if (user.FullScope && !_held.HoldsFullScope)
        {
            refusals.Add(new GrantRefusal(PrivilegeField.FullScope, GrantRefusalKind.UserHoldsMore,
                $"Full Scope: this user has Full Scope, which you do not have, {onlyTenantAdministrators}"));
        }

        foreach (var team in user.ScopeTeamIds.Where(team => !_held.HoldsScopeTeam(team)).Take(1))
        {
            refusals.Add(new GrantRefusal(PrivilegeField.ScopeTeams, GrantRefusalKind.UserHoldsMore,
                $"Scope Teams: this user's Scope Teams include \"{references.Teams.NameOf(team)}\", which is not one of yours, {onlyTenantAdministrators}"));
        }

        foreach (var group in user.ScopeGroupIds.Where(group => !_held.HoldsScopeGroup(group)).Take(1))
        {
            refusals.Add(new GrantRefusal(PrivilegeField.ScopeGroups, GrantRefusalKind.UserHoldsMore,
                $"Scope Groups: this user's Scope Groups include \"{references.Groups.NameOf(group)}\", which is not one of yours, {onlyTenantAdministrators}"));
        }

        return refusals;
    }

    public static string Header(PrivilegeField field) => field switch
    {
        PrivilegeField.Roles => "Roles",
        PrivilegeField.FullScope => "Full Scope",
        PrivilegeField.ScopeTeams => "Scope Teams",
        _ => "Scope Groups",
    };
}
