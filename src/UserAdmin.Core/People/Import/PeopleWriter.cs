using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Security;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// Writes planned rows inside the caller's transaction through <see cref="FastWrites"/>, each provider's
/// fast path for many rows: updates touch only the changed columns of each user (with the preview's
/// concurrency token in the WHERE clause) and only the link rows that differ; new users are inserted
/// with their links. Nothing is tracked, and link rows are written per batch, so memory stays flat.
/// </summary>
internal sealed class PeopleWriter(UserAdminDbContext db, PeopleReferenceData references)
{
    private readonly UserFieldWriter _fields = new(references);
    /// <summary>Names the look-up of the ids of the users a batch created, in its SQL (tests hold the import there).</summary>
    public const string NewUserIdsTag = "import: ids of the new users";

    private static readonly string[] VersionedKey = [nameof(User.Id), nameof(User.Version)];
    private readonly LinkRows<UserRole> _roles = new(nameof(UserRole.UserId), nameof(UserRole.RoleId));
    private readonly LinkRows<UserScopeTeam> _scopeTeams = new(nameof(UserScopeTeam.UserId), nameof(UserScopeTeam.TeamId));
    private readonly LinkRows<UserScopeGroup> _scopeGroups = new(nameof(UserScopeGroup.UserId), nameof(UserScopeGroup.GroupId));
    private readonly LinkRows<UserQmView> _qmViews = new(nameof(UserQmView.UserId), nameof(UserQmView.QmViewId));
    private readonly LinkRows<SkillMapping> _skills = new(nameof(SkillMapping.UserId), nameof(SkillMapping.SkillName));

    /// <summary>
    /// Writes each row's changes and renews its user's version. Returns a user whose version is no longer
    /// the previewed one (someone changed them meanwhile; the caller rolls back), or null.
    /// </summary>
    public async Task<int?> UpdateAsync(IEnumerable<PlannedRow> rows, int batchSize, CancellationToken cancellationToken)
    {
        foreach (var batch in rows.Chunk(batchSize))
        {
            // One statement per set of changed columns: a bulk edit changes the same few columns in every row.
            var updates = new Dictionary<string, (List<string> Properties, List<(User Values, User Key)> Rows)>(StringComparer.Ordinal);
            foreach (var row in batch)
            {
                var userId = row.UserId!.Value;
                var changed = new User(); // carries the new values, and a new version
                var properties = new SortedSet<string>(StringComparer.Ordinal) { nameof(User.Version) };
                foreach (var change in row.Changes)
                {
                    properties.UnionWith(_fields.Write(changed, change.Field, change.New));
                    CollectLinks(userId, change);
                }

                if (row.Changes.Any(c => SecurityStamps.EndSessions.Contains(c.Field)))
                {
                    properties.Add(nameof(User.SecurityStamp)); // R-SEC-7: `changed` carries a new stamp
                }

                // Also for changes of link rows only: the version check and renewal cover the whole user.
                var key = string.Join(',', properties);
                if (!updates.TryGetValue(key, out var update))
                {
                    update = ([.. properties], []);
                    updates[key] = update;
                }

                update.Rows.Add((changed, new User { Id = userId, Version = row.Version!.Value }));
            }

            foreach (var (properties, changes) in updates.Values)
            {
                var missed = await FastWrites.UpdateAsync(db, properties, VersionedKey, changes, cancellationToken).ConfigureAwait(false);
                if (missed.Count > 0)
                {
                    return changes[missed[0]].Key.Id;
                }
            }

            await WriteLinksAsync(cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Inserts the new users; returns each one's id, version and normalised email (R-UNDO-1, R-IMP-14).</summary>
    public async Task<IReadOnlyList<CreatedUser>> CreateAsync(IEnumerable<PlannedRow> rows, int batchSize, CancellationToken cancellationToken)
    {
        var created = new List<CreatedUser>();
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
            await FastWrites.InsertAsync(db, users.Select(u => u.user), cancellationToken).ConfigureAwait(false);

            // Fast writes read no keys back: the new users are found by their email, which is unique.
            var emails = users.ConvertAll(u => u.user.NormalizedEmail);
            var ids = await db.Users.AsNoTracking()
                .TagWith(NewUserIdsTag)
                .Where(u => emails.Contains(u.NormalizedEmail))
                .Select(u => new { u.Id, u.NormalizedEmail })
                .ToDictionaryAsync(u => u.NormalizedEmail, u => u.Id, cancellationToken).ConfigureAwait(false);
            foreach (var (row, user) in users)
            {
                created.Add(new CreatedUser(ids[user.NormalizedEmail], user.Version, user.NormalizedEmail));
                foreach (var field in PersonFields.All.Where(f => f.IsList && row.Values![f.Field] is not null))
                {
                    CollectLinks(ids[user.NormalizedEmail], new FieldChange(field.Field, null, row.Values![field.Field]));
                }
            }

            await WriteLinksAsync(cancellationToken).ConfigureAwait(false);
        }

        return created;
    }

    private void CollectLinks(int userId, FieldChange change)
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
                _roles.Change(removed, added, name => new UserRole { UserId = userId, RoleId = references.Roles.Find(name)!.Id });
                break;
            case PersonField.ScopeTeams:
                _scopeTeams.Change(removed, added, name => new UserScopeTeam { UserId = userId, TeamId = references.Teams.Find(name)!.Id });
                break;
            case PersonField.ScopeGroups:
                _scopeGroups.Change(removed, added, name => new UserScopeGroup { UserId = userId, GroupId = references.Groups.Find(name)!.Id });
                break;
            case PersonField.QmViews:
                _qmViews.Change(removed, added, name => new UserQmView { UserId = userId, QmViewId = references.QmViews.Find(name)!.Id });
                break;
            case PersonField.SkillMappings:
                var priority = after.Count - added.Count;
                _skills.Change(removed, added, name => new SkillMapping { UserId = userId, SkillName = name, Priority = ++priority });
                break;
        }
    }

    private async Task WriteLinksAsync(CancellationToken cancellationToken)
    {
        await _roles.WriteAsync(db, cancellationToken).ConfigureAwait(false);
        await _scopeTeams.WriteAsync(db, cancellationToken).ConfigureAwait(false);
        await _scopeGroups.WriteAsync(db, cancellationToken).ConfigureAwait(false);
        await _qmViews.WriteAsync(db, cancellationToken).ConfigureAwait(false);
        await _skills.WriteAsync(db, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rows of one link table that a batch removes and adds, identified by <paramref name="keyProperties"/>.</summary>
    private sealed class LinkRows<TLink>(params string[] keyProperties)
        where TLink : class
    {
        private readonly List<TLink> _removed = [];
        private readonly List<TLink> _added = [];

        public void Change(List<string> removed, List<string> added, Func<string, TLink> link)
        {
            _removed.AddRange(removed.Select(link));
            _added.AddRange(added.Select(link));
        }

        public async Task WriteAsync(UserAdminDbContext db, CancellationToken cancellationToken)
        {
            await FastWrites.DeleteAsync(db, keyProperties, _removed, cancellationToken).ConfigureAwait(false);
            await FastWrites.InsertAsync(db, _added, cancellationToken).ConfigureAwait(false);

            _removed.Clear();
            _added.Clear();
        }
    }
}

/// <summary>A user an import created: the id the database gave it, its version and its normalised email.</summary>
internal sealed record CreatedUser(int Id, Guid Version, string NormalizedEmail);
