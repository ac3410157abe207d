using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// Writes planned rows: updates touch only the changed columns of each user (with the preview's
/// concurrency token in the WHERE clause) and only the link rows that differ; new users are inserted
/// with their links. Batched, with the change tracker cleared after each batch.
/// </summary>
internal sealed class PeopleWriter(UserAdminDbContext db, PeopleReferenceData references)
{
    private readonly UserFieldWriter _fields = new(references);

    public async Task UpdateAsync(IEnumerable<PlannedRow> rows, int batchSize, CancellationToken cancellationToken)
    {
        foreach (var batch in rows.Chunk(batchSize))
        {
            foreach (var row in batch)
            {
                var user = new User { Id = row.UserId!.Value, Version = row.Version!.Value };
                var entry = db.Users.Attach(user);
                foreach (var change in row.Changes)
                {
                    foreach (var property in _fields.Write(user, change.Field, change.New))
                    {
                        entry.Property(property).IsModified = true;
                    }

                    await ChangeLinksAsync(user.Id, change, cancellationToken).ConfigureAwait(false);
                }

                // Also for changes of link rows only: the version check and renewal cover the whole user.
                entry.Property(u => u.Version).IsModified = true;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }
    }

    public async Task CreateAsync(IEnumerable<PlannedRow> rows, int batchSize, CancellationToken cancellationToken)
    {
        foreach (var batch in rows.Chunk(batchSize))
        {
            var users = batch.Select(row =>
            {
                var user = new User();
                foreach (var field in PersonFields.All)
                {
                    _ = _fields.Write(user, field.Field, row.Values![field.Field]).ToList();
                }

                return (row, user);
            }).ToList();
            db.Users.AddRange(users.Select(u => u.user));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (row, user) in users)
            {
                foreach (var field in PersonFields.All.Where(f => f.IsList && row.Values![f.Field] is not null))
                {
                    await ChangeLinksAsync(user.Id, new FieldChange(field.Field, null, row.Values![field.Field]), cancellationToken).ConfigureAwait(false);
                }
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }
    }

    private async Task ChangeLinksAsync(int userId, FieldChange change, CancellationToken cancellationToken)
    {
        if (!PersonFields.Of(change.Field).IsList)
        {
            return;
        }

        var before = PersonRecord.SplitList(change.Old);
        var after = PersonRecord.SplitList(change.New);
        var removed = before.Except(after, StringComparer.Ordinal).ToList();
        var added = after.Except(before, StringComparer.Ordinal).ToList();
        switch (change.Field)
        {
            case PersonField.Roles:
                Relink(removed, added, name => new UserRole { UserId = userId, RoleId = references.Roles.Find(name)!.Id });
                break;
            case PersonField.ScopeTeams:
                Relink(removed, added, name => new UserScopeTeam { UserId = userId, TeamId = references.Teams.Find(name)!.Id });
                break;
            case PersonField.ScopeGroups:
                Relink(removed, added, name => new UserScopeGroup { UserId = userId, GroupId = references.Groups.Find(name)!.Id });
                break;
            case PersonField.QmViews:
                Relink(removed, added, name => new UserQmView { UserId = userId, QmViewId = references.QmViews.Find(name)!.Id });
                break;
            case PersonField.SkillMappings:
                if (removed.Count > 0)
                {
                    await db.SkillMappings.Where(s => s.UserId == userId && removed.Contains(s.SkillName)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                }

                var priority = after.Count - added.Count;
                db.SkillMappings.AddRange(added.Select(name => new SkillMapping { UserId = userId, SkillName = name, Priority = ++priority }));
                break;
        }
    }

    private void Relink<TLink>(List<string> removed, List<string> added, Func<string, TLink> link)
        where TLink : class
    {
        db.Set<TLink>().RemoveRange(removed.Select(link));
        db.Set<TLink>().AddRange(added.Select(link));
    }
}
