using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Naming;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Core.People;

/// <summary>A named record of reference data (a role, team, group or QM view) as import and export see it.</summary>
public sealed record ReferenceItem(int Id, string Name);

/// <summary>
/// One kind of reference data by id and by name (R-USR-4: names match ignoring case and are stored
/// in their canonical spelling), with did-you-mean suggestions for unknown names.
/// </summary>
public sealed class ReferenceSet
{
    private readonly Dictionary<int, ReferenceItem> _byId;
    private readonly Dictionary<string, ReferenceItem> _byName;
    private readonly Lazy<ClosestName> _closest;

    public ReferenceSet(string kind, IEnumerable<ReferenceItem> items)
    {
        Kind = kind;
        var list = items.ToList();
        _byId = list.ToDictionary(i => i.Id);
        _byName = list.ToDictionary(i => i.Name.Trim(), StringComparer.OrdinalIgnoreCase);
        _closest = new Lazy<ClosestName>(() => new ClosestName(list.Select(i => i.Name)));
    }

    /// <summary>"team", "role"...: used in messages.</summary>
    public string Kind { get; }

    public IEnumerable<ReferenceItem> Items => _byId.Values;

    public string NameOf(int id) => _byId[id].Name;

    public ReferenceItem? Find(string name) => _byName.GetValueOrDefault(name.Trim());

    public string? Suggest(string unknown) => _closest.Value.Suggest(unknown);
}

/// <summary>All reference data of the tenant; small, so it is loaded whole for each export or import.</summary>
public sealed record PeopleReferenceData(
    ReferenceSet Roles,
    ReferenceSet Teams,
    ReferenceSet Groups,
    ReferenceSet QmViews,
    IReadOnlySet<int> TenantAdministratorRoleIds,
    IReadOnlyDictionary<int, Users.Permissions> RolePermissions)
{
    public static async Task<PeopleReferenceData> LoadAsync(UserAdminDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var roles = await db.Roles.AsNoTracking().Select(r => new { r.Id, r.Name, r.IsTenantAdministrator, r.Permissions }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var teams = await db.Teams.AsNoTracking().Select(t => new ReferenceItem(t.Id, t.Name)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var groups = await db.Groups.AsNoTracking().Select(g => new ReferenceItem(g.Id, g.Name)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var views = await db.QmViews.AsNoTracking().Select(v => new ReferenceItem(v.Id, v.Name)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PeopleReferenceData(
            new ReferenceSet("role", roles.Select(r => new ReferenceItem(r.Id, r.Name))),
            new ReferenceSet("team", teams),
            new ReferenceSet("group", groups),
            new ReferenceSet("QM view", views),
            roles.Where(r => r.IsTenantAdministrator).Select(r => r.Id).ToHashSet(),
            roles.ToDictionary(r => r.Id, r => r.IsTenantAdministrator ? Users.Permissions.All : r.Permissions));
    }
}
