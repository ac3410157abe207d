using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Transfers;

/// <summary>A source user whose data moves to a target user.</summary>
public sealed record TransferPair(int SourceUserId, int TargetUserId);

/// <summary>
/// R-TRF-3: who may transfer whose data. Returns the typed reasons a pair is refused (a kind and a
/// message for the administrator); an empty list means the pair may be transferred. Never throws for bad input.
/// Inactive users may take part. The bulk's rules across rows (R-BLK-3) are the bulk's own.
/// </summary>
public sealed class TransferRules(UserAdminDbContext db)
{
    public const string MissingPermission = "You need the Transfer User Data permission to transfer user data.";

    /// <summary>Why a tenant administrator cannot be picked, as pickers show it beside the name (R-UX-3).</summary>
    public const string TenantAdministratorsExcluded = "tenant administrators' data cannot be transferred";

    /// <summary>The reason a listed user can never be part of a pair, or null when they can be picked.</summary>
    public static string? WhyNotEligible(UserListRow user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsTenantAdministrator ? "Tenant administrator: " + TenantAdministratorsExcluded + "." : null;
    }

    // Well under SQL Server's 2,100 parameters per command.
    private const int IdsPerQuery = 500;

    public async Task<IReadOnlyList<TransferRefusal>> CheckAsync(
        AdministratorProfile administrator, int sourceUserId, int targetUserId, CancellationToken cancellationToken = default)
    {
        var results = await CheckAsync(administrator, [new TransferPair(sourceUserId, targetUserId)], cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <summary>Each pair checked on its own, with one query per 500 users; results in the order of <paramref name="pairs"/>.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<TransferRefusal>>> CheckAsync(
        AdministratorProfile administrator, IReadOnlyList<TransferPair> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        ArgumentNullException.ThrowIfNull(pairs);
        if (!administrator.Has(Permissions.TransferUserData))
        {
            return pairs.Select(_ => (IReadOnlyList<TransferRefusal>)[new TransferRefusal(TransferRefusalKind.MissingPermission, MissingPermission)]).ToList();
        }

        var users = await LoadAsync(pairs.SelectMany(p => new[] { p.SourceUserId, p.TargetUserId }).Distinct(), cancellationToken).ConfigureAwait(false);
        return pairs.Select(pair => (IReadOnlyList<TransferRefusal>)Check(administrator, pair, users)).ToList();
    }

    private static List<TransferRefusal> Check(AdministratorProfile administrator, TransferPair pair, Dictionary<int, Participant> users)
    {
        var reasons = new List<TransferRefusal>();
        if (pair.SourceUserId == pair.TargetUserId)
        {
            var who = users.TryGetValue(pair.SourceUserId, out var user) && user.SeenBy(administrator) ? user.Label : UserLabel.Unnamed(pair.SourceUserId);
            reasons.Add(new TransferRefusal(TransferRefusalKind.SameUser, $"The source and the target are the same user, {who}; choose two different users."));
        }

        var sides = new[]
        {
            (Role: "source", Id: pair.SourceUserId, Missing: TransferRefusalKind.SourceMissing, Outside: TransferRefusalKind.SourceOutsideView),
            (Role: "target", Id: pair.TargetUserId, Missing: TransferRefusalKind.TargetMissing, Outside: TransferRefusalKind.TargetOutsideView),
        };
        foreach (var side in sides.DistinctBy(r => r.Id))
        {
            if (!users.TryGetValue(side.Id, out var user))
            {
                reasons.Add(new TransferRefusal(side.Missing, $"The {side.Role} user (ID {side.Id}) does not exist."));
            }
            else if (!user.SeenBy(administrator))
            {
                // No name: the administrator may not see who this is.
                reasons.Add(new TransferRefusal(side.Outside, $"The {side.Role} user (ID {side.Id}) is not within your view."));
            }
            else if (user.IsTenantAdministrator)
            {
                reasons.Add(new TransferRefusal(TransferRefusalKind.TenantAdministrator,
                    $"{user.Label} is a tenant administrator; {TenantAdministratorsExcluded}."));
            }
        }

        return reasons;
    }

    private async Task<Dictionary<int, Participant>> LoadAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var users = new Dictionary<int, Participant>();
        foreach (var chunk in ids.Chunk(IdsPerQuery))
        {
            var found = await db.Users.AsNoTracking()
                .Where(u => chunk.Contains(u.Id))
                .Select(u => new Participant(u.Id, u.FirstName, u.LastName, u.TeamId, u.MemberGroupId, u.Roles.Any(r => r.IsTenantAdministrator)))
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            foreach (var user in found)
            {
                users[user.Id] = user;
            }
        }

        return users;
    }

    private sealed record Participant(int Id, string FirstName, string LastName, int? TeamId, int? MemberGroupId, bool IsTenantAdministrator)
    {
        public string Label => UserLabel.Of(FirstName, LastName, Id);

        public bool SeenBy(AdministratorProfile administrator) => UserViewScope.Sees(administrator, TeamId, MemberGroupId);
    }
}
