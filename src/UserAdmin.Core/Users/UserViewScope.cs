using UserAdmin.Core.Persistence;

namespace UserAdmin.Core.Users;

/// <summary>
/// R-SEC-2, in one place: the users an administrator may see and touch. Every query of users
/// (lists, pickers, export, import, transfers) starts from <see cref="VisibleUsers"/>.
/// </summary>
public sealed class UserViewScope(UserAdminDbContext db)
{
    public IQueryable<User> VisibleUsers(AdministratorProfile administrator)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        return Restrict(db.Users, administrator);
    }

    public static IQueryable<User> Restrict(IQueryable<User> users, AdministratorProfile administrator)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        if (administrator.SeesEveryone)
        {
            return users;
        }

        var teamIds = administrator.ScopeTeamIds;
        var groupIds = administrator.ScopeGroupIds;
        return users.Where(u =>
            (u.TeamId != null && teamIds.Contains(u.TeamId.Value))
            || (u.MemberGroupId != null && groupIds.Contains(u.MemberGroupId.Value)));
    }

    /// <summary>The same rule for a user already in memory.</summary>
    public static bool Sees(AdministratorProfile administrator, int? teamId, int? memberGroupId)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        return administrator.SeesEveryone
            || (teamId is { } team && administrator.ScopeTeamIds.Contains(team))
            || (memberGroupId is { } group && administrator.ScopeGroupIds.Contains(group));
    }
}
