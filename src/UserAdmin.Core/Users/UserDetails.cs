using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers;

namespace UserAdmin.Core.Users;

/// <summary>One user with every field of people.csv and the rows of transferable data they own.</summary>
public sealed record UserDetailsModel(User User, IReadOnlyList<OwnedRows> TransferableData);

/// <summary>Finds one user's details, or null when the user is outside the view.</summary>
public sealed class UserDetails(UserViewScope scope, UserAdminDbContext db)
{
    public async Task<UserDetailsModel?> FindAsync(AdministratorProfile administrator, int id, CancellationToken cancellationToken = default)
    {
        var user = await scope.VisibleUsers(administrator).AsNoTracking()
            .Include(u => u.Team)
            .Include(u => u.MemberGroup)
            .Include(u => u.MaxStaffingGroup)
            .Include(u => u.Roles)
            .Include(u => u.ScopeTeams)
            .Include(u => u.ScopeGroups)
            .Include(u => u.QmViews)
            .Include(u => u.SkillMappings)
            .AsSplitQuery()
            .SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
            .ConfigureAwait(false);
        if (user is null)
        {
            return null;
        }

        var counts = await new TransferableDataCounts(db).ForUserAsync(user.Id, cancellationToken).ConfigureAwait(false);
        return new UserDetailsModel(user, counts);
    }
}
