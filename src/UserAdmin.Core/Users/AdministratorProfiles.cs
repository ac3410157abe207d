using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;

namespace UserAdmin.Core.Users;

/// <summary>Loads the <see cref="AdministratorProfile"/> of a signed-in user.</summary>
public sealed class AdministratorProfiles(UserAdminDbContext db, TenantClock clock)
{
    /// <summary>The profile, or null when the user no longer exists, cannot sign in or is inactive.</summary>
    public async Task<AdministratorProfile?> LoadAsync(int userId, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .WhoCanSignIn(today)
            .Select(u => new
            {
                u.Id,
                u.FirstName,
                u.LastName,
                u.FullScope,
                u.SecurityStamp,
                Roles = u.Roles.Select(r => new { r.Id, r.Permissions, r.IsTenantAdministrator }).ToList(),
                ScopeTeamIds = u.ScopeTeams.Select(t => t.Id).ToList(),
                ScopeGroupIds = u.ScopeGroups.Select(g => g.Id).ToList(),
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        if (user is null)
        {
            return null;
        }

        var isTenantAdministrator = user.Roles.Exists(r => r.IsTenantAdministrator);
        var permissions = isTenantAdministrator
            ? Permissions.All
            : user.Roles.Aggregate(Permissions.None, (all, role) => all | role.Permissions);
        return new AdministratorProfile(
            user.Id,
            $"{user.FirstName} {user.LastName}",
            permissions,
            isTenantAdministrator,
            user.FullScope,
            user.Roles.ConvertAll(r => r.Id),
            user.ScopeTeamIds,
            user.ScopeGroupIds)
        {
            SecurityStamp = user.SecurityStamp,
        };
    }
}
