using Microsoft.EntityFrameworkCore;

namespace UserAdmin.Core.Users;

/// <summary>One user with every field of people.csv, or null when the user is outside the view.</summary>
public sealed class UserDetails(UserViewScope scope)
{
    public Task<User?> FindAsync(AdministratorProfile administrator, int id, CancellationToken cancellationToken = default) =>
        scope.VisibleUsers(administrator).AsNoTracking()
            .Include(u => u.Team)
            .Include(u => u.MemberGroup)
            .Include(u => u.MaxStaffingGroup)
            .Include(u => u.Roles)
            .Include(u => u.ScopeTeams)
            .Include(u => u.ScopeGroups)
            .Include(u => u.QmViews)
            .Include(u => u.SkillMappings)
            .AsSplitQuery()
            .SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
}
