using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.People;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Core.Security;

/// <summary>R-SEC-7: renewing a user's security stamp ends every session they have.</summary>
public sealed class SecurityStamps(UserAdminDbContext db)
{
    /// <summary>The people.csv fields whose change ends the user's sessions: privileges, the sign-in names, and activation.</summary>
    public static readonly IReadOnlySet<PersonField> EndSessions = new HashSet<PersonField>
    {
        PersonField.Roles, PersonField.FullScope, PersonField.ScopeTeams, PersonField.ScopeGroups,
        PersonField.Email, PersonField.Login, PersonField.Deactivated,
    };

    /// <summary>
    /// Only the stamp is written, not the user's version: ending sessions is not an edit of the user's data,
    /// and must not fail an import previewed meanwhile (R-IMP-8).
    /// </summary>
    public async Task RenewAsync(IReadOnlyCollection<int> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var stamp = Guid.NewGuid();
        foreach (var chunk in userIds.Chunk(1000))
        {
            await db.Users.Where(u => chunk.Contains(u.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.SecurityStamp, stamp), cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
