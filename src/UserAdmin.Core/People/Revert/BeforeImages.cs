using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Revert;

/// <summary>
/// R-UNDO-1: writes an import's before-images inside its transaction, batch by batch after the batch's own
/// writes, so that an import that commits has them and one that rolls back has none. The versions are read
/// back from the rows just written (fast writes read no values back), which are the import's own in this transaction.
/// </summary>
internal sealed class BeforeImages(UserAdminDbContext db, int importId)
{
    /// <summary>Each updated user's old values of the fields the import changed.</summary>
    public async Task RecordUpdatedAsync(IReadOnlyList<PlannedRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.UserId!.Value).ToList();
        var versions = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Version, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, rows.Select(r => new ImportBeforeImage
        {
            ImportId = importId,
            UserId = r.UserId!.Value,
            Kind = BeforeImageKind.Updated,
            Values = BeforeImageValues.Format(r.Changes.Select(c => (c.Field, c.Old))),
            VersionAfter = versions[r.UserId!.Value],
        }), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ids of the users the import created, as its writer found them (by their email, which is unique).</summary>
    public Task RecordCreatedAsync(IReadOnlyList<CreatedUser> created, CancellationToken cancellationToken) =>
        FastWrites.InsertAsync(db, created.Select(u => new ImportBeforeImage
        {
            ImportId = importId,
            UserId = u.Id,
            Kind = BeforeImageKind.Created,
            VersionAfter = u.Version,
        }), cancellationToken);

    /// <summary>The whole of each user a revert deletes, so that reverting the revert creates them again.</summary>
    public Task RecordDeletedAsync(IEnumerable<StoredPerson> people, CancellationToken cancellationToken) =>
        FastWrites.InsertAsync(db, people.Select(p => new ImportBeforeImage
        {
            ImportId = importId,
            UserId = p.Id,
            Kind = BeforeImageKind.Deleted,
            Values = BeforeImageValues.Format(PersonFields.All.Where(f => f.Field != PersonField.UserId).Select(f => (f.Field, p.Values[f.Field]))),
        }), cancellationToken);
}
