using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Privileges;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Revert;

/// <summary>
/// R-UNDO-2 for the users an import created: a revert deletes those who own no transferable data and never
/// signed in, and deactivates the others (their data and their sign-ins stay meaningful). A deletion is a
/// change of the user like any other: it needs the user in the administrator's view (R-SEC-2) and the right
/// to take everything they hold (R-SEC-3, R-SEC-5, asked of <see cref="GrantRules"/>), and it is checked
/// again inside the revert's transaction.
/// </summary>
public sealed class RevertDeletions(UserAdminDbContext db, PeopleReader reader)
{
    private const int Chunk = 500;

    /// <summary>
    /// Skill mappings are a column of people.csv that the import itself wrote; every other type is data another
    /// module recorded against the user.
    /// </summary>
    private static readonly IReadOnlyList<TransferableDataType> RecordedElsewhere =
        TransferCatalogue.All.Where(t => t.EntityType != typeof(SkillMapping)).ToList();

    /// <summary>Of <paramref name="userIds"/>, those who must be deactivated rather than deleted: they own data, signed in, or took part in a transfer.</summary>
    public async Task<HashSet<int>> KeptAsync(IReadOnlyCollection<int> userIds, CancellationToken cancellationToken)
    {
        var kept = new HashSet<int>();
        foreach (var type in RecordedElsewhere)
        {
            foreach (var column in await type.CountPerUserByColumnAsync(db, userIds, cancellationToken).ConfigureAwait(false))
            {
                kept.UnionWith(column.Where(c => c.Value > 0).Select(c => c.Key));
            }
        }

        foreach (var chunk in userIds.Chunk(Chunk))
        {
            kept.UnionWith(await db.Users.AsNoTracking().Where(u => chunk.Contains(u.Id) && u.LastSignedInAt != null).Select(u => u.Id).ToListAsync(cancellationToken).ConfigureAwait(false));
            kept.UnionWith(await db.TransferRunPairs.AsNoTracking().Where(p => chunk.Contains(p.SourceUserId)).Select(p => p.SourceUserId).ToListAsync(cancellationToken).ConfigureAwait(false));
            kept.UnionWith(await db.TransferRunPairs.AsNoTracking().Where(p => chunk.Contains(p.TargetUserId)).Select(p => p.TargetUserId).ToListAsync(cancellationToken).ConfigureAwait(false));
        }

        return kept;
    }

    /// <summary>Why <paramref name="administrator"/> may not delete these users, one sentence per user; empty when they may.</summary>
    public static IReadOnlyList<string> Refusals(IEnumerable<StoredPerson> people, AdministratorProfile administrator, PeopleReferenceData references)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(administrator);
        var grants = new GrantRules(administrator, references);
        var refusals = new List<string>();
        foreach (var person in people)
        {
            var name = $"{person.Values[PersonField.FirstName]} {person.Values[PersonField.LastName]} ({person.Id})";
            if (!UserViewScope.Sees(administrator, person.TeamId, person.MemberGroupId))
            {
                refusals.Add($"{name} is not in your view, so you cannot delete them.");
                continue;
            }

            refusals.AddRange(grants.Check(person.Id, PrivilegeGrant.Of(person.Values, references), PrivilegeGrant.None, editsUser: true)
                .Select(r => $"{name} cannot be deleted by you: {r.Message}"));
        }

        return refusals;
    }

    /// <summary>
    /// Inside the revert's transaction: deletes the users as the preview saw them (same version, still owning
    /// nothing, never signed in, still the administrator's to delete), after storing their before-images.
    /// Returns why nothing may be deleted after all (the caller rolls back), or null.
    /// </summary>
    internal async Task<string?> DeleteAsync(IReadOnlyDictionary<int, Guid> users, AdministratorProfile administrator, PeopleReferenceData references, BeforeImages images, CancellationToken cancellationToken)
    {
        var ids = users.Keys.ToList();
        var people = new List<StoredPerson>();
        foreach (var chunk in ids.Chunk(Chunk))
        {
            await foreach (var page in reader.ReadPagesAsync(db.Users.Where(u => chunk.Contains(u.Id)), references, cancellationToken).ConfigureAwait(false))
            {
                people.AddRange(page);
            }
        }

        // A versioned update first: it takes the rows' locks and proves each user is still as the preview saw them.
        var byId = people.ToDictionary(p => p.Id);
        var claims = ids.ConvertAll(id => (Values: new User(), Key: new User { Id = id, Version = users[id] }));
        var missed = await FastWrites.UpdateAsync(db, [nameof(User.Version)], [nameof(User.Id), nameof(User.Version)], claims, cancellationToken).ConfigureAwait(false);
        if (missed.Count > 0 || byId.Count != ids.Count)
        {
            var stale = missed.Count > 0 ? ids[missed[0]] : ids.First(id => !byId.ContainsKey(id));
            return $"User {stale} was changed or deleted by someone else after the preview. Nothing was reverted; open the revert again to see the current values.";
        }

        if ((await KeptAsync(ids, cancellationToken).ConfigureAwait(false)).FirstOrDefault() is var kept and > 0)
        {
            return $"User {kept} signed in, took part in a transfer or received data after the preview, so they are no longer deleted. Nothing was reverted; open the revert again.";
        }

        if (Refusals(people, administrator, references) is { Count: > 0 } refusals)
        {
            return "Nothing was reverted: " + refusals[0];
        }

        await images.RecordDeletedAsync(people, cancellationToken).ConfigureAwait(false);
        foreach (var chunk in ids.Chunk(Chunk))
        {
            await db.Users.Where(u => chunk.Contains(u.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        return null;
    }
}
